import type { FunctionSpec } from "./fleet";
import { type ExecutedInvocation, executedInvocations } from "./invocations";
import { hashInts, hexFrom } from "./random";
import { HOUR, MINUTE } from "./time";
import type { World } from "./world";

export type FieldValue = string | number;

/** One log event as CloudWatch Logs stores it, with the fields Logs Insights discovers. */
export interface LogRecord {
  timestamp: number;
  ingestionTime: number;
  logGroup: string;
  logStream: string;
  message: string;
  fields: Record<string, FieldValue>;
  /** Stable position used for @ptr, eventId and ordering. */
  functionIndex: number;
  sequence: number;
}

/**
 * The REPORT records a function writes in [from, to] (milliseconds, inclusive), in time order,
 * clipped to history and to now. With `coldOnly`, only records carrying an init duration.
 * The simulator writes only the platform REPORT records (no START/END or application lines).
 */
export function reportRecords(
  world: World,
  fn: FunctionSpec,
  from: number,
  to: number,
  coldOnly: boolean,
): LogRecord[] {
  const start = Math.max(from, world.fleet.historyStart);
  const end = Math.min(to, world.now() - 1);
  const records: LogRecord[] = [];
  for (let hour = Math.floor(start / HOUR); hour * HOUR <= end; hour++) {
    const activity = world.activity.hour(fn, hour, world.now());
    for (let offset = 0; offset < 60; offset++) {
      const minuteStart = (hour * 60 + offset) * MINUTE;
      if (minuteStart + MINUTE <= start || minuteStart > end) continue;
      for (const invocation of executedInvocations(fn, activity, offset, coldOnly)) {
        if (invocation.time < start || invocation.time > end) continue;
        records.push(toRecord(fn, invocation, activity.concurrency[offset] ?? 1));
      }
    }
  }
  return records;
}

function toRecord(fn: FunctionSpec, invocation: ExecutedInvocation, concurrency: number): LogRecord {
  const sequence = hashInts(fn.key, Math.floor(invocation.time / 1000), invocation.time % 1000);
  const day = new Date(invocation.time).toISOString().slice(0, 10).replaceAll("-", "/");
  const environment = hashInts(fn.key, sequence) % Math.max(1, concurrency);
  const logStream = `${day}/[$LATEST]${hexFrom(32, fn.key, Math.floor(invocation.time / (24 * HOUR)), environment)}`;
  const common = {
    timestamp: invocation.time,
    ingestionTime: invocation.time + 200 + (sequence % 1800),
    logGroup: fn.logGroup,
    logStream,
    functionIndex: fn.index,
    sequence,
  };
  return fn.logFormat === "JSON" ? { ...common, ...jsonReport(invocation) } : { ...common, ...textReport(invocation) };
}

function textReport(invocation: ExecutedInvocation): Pick<LogRecord, "message" | "fields"> {
  const init = invocation.initDurationMs;
  const message =
    `REPORT RequestId: ${invocation.requestId}\tDuration: ${invocation.durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${invocation.billedDurationMs} ms\tMemory Size: ${invocation.memorySizeMb} MB\t` +
    `Max Memory Used: ${invocation.maxMemoryUsedMb} MB\t${init === undefined ? "" : `Init Duration: ${init.toFixed(2)} ms\t`}\n`;
  // Insights reports memory fields in bytes (MB × 1,000,000), as for real Lambda logs.
  const fields: Record<string, FieldValue> = {
    "@type": "REPORT",
    "@requestId": invocation.requestId,
    "@duration": invocation.durationMs,
    "@billedDuration": invocation.billedDurationMs,
    "@memorySize": invocation.memorySizeMb * 1_000_000,
    "@maxMemoryUsed": invocation.maxMemoryUsedMb * 1_000_000,
  };
  if (init !== undefined) fields["@initDuration"] = init;
  return { message, fields };
}

function jsonReport(invocation: ExecutedInvocation): Pick<LogRecord, "message" | "fields"> {
  const metrics: Record<string, number> = {
    durationMs: invocation.durationMs,
    billedDurationMs: invocation.billedDurationMs,
    memorySizeMB: invocation.memorySizeMb,
    maxMemoryUsedMB: invocation.maxMemoryUsedMb,
  };
  if (invocation.initDurationMs !== undefined) metrics.initDurationMs = invocation.initDurationMs;
  const event = {
    time: new Date(invocation.time).toISOString(),
    type: "platform.report",
    record: { requestId: invocation.requestId, metrics, status: "success" },
  };
  const fields: Record<string, FieldValue> = {
    time: event.time,
    type: event.type,
    "record.requestId": invocation.requestId,
    "record.status": "success",
  };
  for (const [name, value] of Object.entries(metrics)) fields[`record.metrics.${name}`] = value;
  return { message: JSON.stringify(event), fields };
}

/** Records sort by time, then by writer and sequence, so pages and merges are stable. */
export const compareRecords = (a: LogRecord, b: LogRecord): number =>
  a.timestamp - b.timestamp || a.functionIndex - b.functionIndex || a.sequence - b.sequence;
