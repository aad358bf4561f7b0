import type { FunctionSpec } from "./fleet";
import { HOUR } from "./time";
import { patternInvocations } from "./traffic";

/** Typical size of one REPORT record as stored (timestamps and stream overhead aside). */
const REPORT_BYTES: Record<FunctionSpec["logFormat"], number> = { Text: 160, JSON: 240 };

/**
 * How many bytes a function's log group holds over a time range: what `DescribeLogGroups` reports
 * as `storedBytes` and what an Insights query scans. Estimated from the hourly invocation pattern
 * (one REPORT record per invocation), without generating the records.
 */
export class LogVolume {
  /** Per function: bytes of the whole hours from history start up to `throughHour` (exclusive). */
  private readonly complete = new Map<number, { throughHour: number; bytes: number }>();

  constructor(private readonly historyStart: number) {}

  /** Bytes written in [from, to) (ms), clipped to history; partial hours count pro rata. */
  bytes(fn: FunctionSpec, from: number, to: number): number {
    const start = Math.max(from, this.historyStart);
    let bytes = 0;
    for (let hour = Math.floor(start / HOUR); hour * HOUR < to; hour++) {
      const overlap = Math.min(to, (hour + 1) * HOUR) - Math.max(start, hour * HOUR);
      if (overlap > 0) bytes += this.hourBytes(fn, hour) * (overlap / HOUR);
    }
    return Math.round(bytes);
  }

  /** Bytes written from history start until `now`. */
  stored(fn: FunctionSpec, now: number): number {
    const nowHour = Math.floor(now / HOUR);
    let known = this.complete.get(fn.index);
    // A clock set back (tests do) invalidates the running total.
    if (!known || known.throughHour > nowHour) known = { throughHour: Math.floor(this.historyStart / HOUR), bytes: 0 };
    for (; known.throughHour < nowHour; known.throughHour++) known.bytes += this.hourBytes(fn, known.throughHour);
    this.complete.set(fn.index, known);
    return Math.round(known.bytes + this.bytes(fn, nowHour * HOUR, now));
  }

  private hourBytes(fn: FunctionSpec, hour: number): number {
    return patternInvocations(fn, hour) * REPORT_BYTES[fn.logFormat];
  }
}
