import type { FunctionSpec } from "./fleet";
import type { Lifecycle, StateInterval } from "./lifecycle";
import { poissonFromUnit, standardNormalFromUnit, unitFloat } from "./random";
import { HOUR, MINUTE } from "./time";
import { invocationsBefore, patternInvocations, splitOverMinutes } from "./traffic";

/** What happened to one function during one UTC hour, minute by minute (index 0–59). */
export interface HourActivity {
  hour: number;
  /** Invocations the pattern schedules per minute (fixes each invocation's time). */
  scheduled: Int32Array;
  /** Invocations that already happened (time < now). */
  invocations: Int32Array;
  /** Invocations that failed because the function was Inactive, restoring or Failed. */
  failed: Int32Array;
  /** Invocations that ran code and wrote a REPORT record. */
  executed: Int32Array;
  errors: Int32Array;
  throttles: Int32Array;
  concurrency: Int32Array;
  coldStarts: Int32Array;
  /** Durations are log-normal per hour: exp(mu + sigma·z). */
  durationMu: number;
  durationSigma: number;
  /** Times in this hour at which invocations fail, as [from, to) ranges. */
  failingRanges: readonly (readonly [number, number])[];
  /** Start of the minute containing the latest reset of execution environments, per minute. */
  resetMinuteStart: Float64Array;
}

const SALT_ERRORS = 51;
const SALT_THROTTLES = 52;
const SALT_DURATION = 53;
const SALT_RECYCLE = 54;
/** Idle execution environments are reclaimed after this many minutes. */
const WARM_MINUTES = 10;
/** Average lifetime of a busy execution environment before Lambda recycles it. */
const ENVIRONMENT_LIFETIME_MINUTES = 240;
const CACHE_LIMIT = 20_000;

const isFailing = (interval: StateInterval): boolean =>
  interval.state === "Inactive" || interval.state === "Failed" || interval.stateReasonCode === "Restoring";
/** Environments start fresh whenever new code becomes live or an inactive function is restored. */
const isReset = (interval: StateInterval): boolean =>
  interval.state === "Active" && (interval.cause === "deployCompleted" || interval.cause === "restored");

/**
 * Minute-level activity computed from the traffic pattern and the state history, cached per
 * finished hour. Invocations are counted when they happen; cold starts are new execution
 * environments: growth in concurrency over the warm window, everything after a reset, and a
 * trickle of recycled environments.
 */
export class ActivityModel {
  private readonly cache = new Map<string, HourActivity>();

  constructor(private readonly lifecycleOf: (fn: FunctionSpec) => Lifecycle) {}

  hour(fn: FunctionSpec, hour: number, now: number): HourActivity {
    const final = (hour + 1) * HOUR <= now;
    const key = `${fn.index}:${hour}`;
    const cached = final ? this.cache.get(key) : undefined;
    if (cached) return cached;
    const previous = this.base(fn, hour - 1, now);
    const activity = this.base(fn, hour, now);
    computeColdStarts(fn, previous, activity);
    if (final) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, activity);
    }
    return activity;
  }

  private base(fn: FunctionSpec, hour: number, now: number): HourActivity {
    const hourStart = hour * HOUR;
    const scheduled = splitOverMinutes(fn, hour, hourStart < now ? patternInvocations(fn, hour) : 0);
    const intervals =
      hourStart < now
        ? this.lifecycleOf(fn).between(hourStart - WARM_MINUTES * MINUTE, Math.min(now, hourStart + HOUR))
        : [];
    const failingRanges = intervals
      .filter(isFailing)
      .map(
        (interval) =>
          [
            Math.max(hourStart, interval.from),
            Math.min(hourStart + HOUR, interval.to ?? Number.POSITIVE_INFINITY),
          ] as const,
      )
      .filter(([from, to]) => from < to);
    const resets = intervals.filter(isReset).map((interval) => interval.from);
    const durationMu =
      Math.log(fn.medianDurationMs) + 0.2 * standardNormalFromUnit(unitFloat(fn.key, SALT_DURATION, hour));
    const meanDurationMs = Math.exp(durationMu + (fn.durationSigma * fn.durationSigma) / 2);
    const activity: HourActivity = {
      hour,
      scheduled,
      invocations: new Int32Array(60),
      failed: new Int32Array(60),
      executed: new Int32Array(60),
      errors: new Int32Array(60),
      throttles: new Int32Array(60),
      concurrency: new Int32Array(60),
      coldStarts: new Int32Array(60),
      durationMu,
      durationSigma: fn.durationSigma,
      failingRanges,
      resetMinuteStart: new Float64Array(60).fill(Number.NEGATIVE_INFINITY),
    };
    let latestReset = Number.NEGATIVE_INFINITY;
    for (let offset = 0; offset < 60; offset++) {
      const minute = hour * 60 + offset;
      const minuteStart = minute * MINUTE;
      for (const reset of resets) if (reset < minuteStart + MINUTE) latestReset = Math.max(latestReset, reset);
      activity.resetMinuteStart[offset] = Math.floor(latestReset / MINUTE) * MINUTE;
      const count = scheduled[offset] ?? 0;
      if (count === 0) continue;
      const visible = minuteStart + MINUTE <= now ? count : invocationsBefore(fn, minute, count, now);
      let failed = 0;
      for (const [from, to] of failingRanges) {
        if (to <= minuteStart || from >= minuteStart + MINUTE) continue;
        failed +=
          Math.min(visible, invocationsBefore(fn, minute, count, to)) -
          Math.min(visible, invocationsBefore(fn, minute, count, from));
      }
      const executed = visible - failed;
      activity.invocations[offset] = visible;
      activity.failed[offset] = failed;
      activity.executed[offset] = executed;
      activity.errors[offset] =
        failed + Math.min(executed, poissonFromUnit(executed * fn.errorRate, unitFloat(fn.key, SALT_ERRORS, minute)));
      activity.throttles[offset] =
        visible > fn.throttleAbovePerMinute
          ? poissonFromUnit((visible - fn.throttleAbovePerMinute) * 0.4, unitFloat(fn.key, SALT_THROTTLES, minute))
          : 0;
      activity.concurrency[offset] = executed > 0 ? Math.ceil((executed * meanDurationMs) / MINUTE) : 0;
    }
    return activity;
  }
}

function computeColdStarts(fn: FunctionSpec, previous: HourActivity, current: HourActivity): void {
  for (let offset = 0; offset < 60; offset++) {
    const executed = current.executed[offset] ?? 0;
    if (executed === 0) continue;
    const minute = current.hour * 60 + offset;
    const resetAt = current.resetMinuteStart[offset] ?? Number.NEGATIVE_INFINITY;
    let warm = 0;
    for (let back = 1; back <= WARM_MINUTES; back++) {
      const earlier = offset - back;
      // Environments from the reset minute itself may still run the old code.
      if ((minute - back) * MINUTE < resetAt + MINUTE) break;
      const concurrency = earlier >= 0 ? current.concurrency[earlier] : previous.concurrency[60 + earlier];
      warm = Math.max(warm, concurrency ?? 0);
    }
    const concurrency = current.concurrency[offset] ?? 0;
    const recycled = poissonFromUnit(
      concurrency / ENVIRONMENT_LIFETIME_MINUTES,
      unitFloat(fn.key, SALT_RECYCLE, minute),
    );
    current.coldStarts[offset] = Math.min(executed, Math.max(0, concurrency - warm) + recycled);
  }
}
