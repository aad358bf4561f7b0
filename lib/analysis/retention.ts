// Retention and roll-ups, decided without I/O: which daily rows hourly buckets make, and which
// fleet snapshots survive thinning. Storage stays bounded on a long-running fleet.
import { type BucketAggregate, mergeBuckets } from "./stats";
import { DAY_MS, HOUR_MS } from "./time";

export interface RetentionPolicy {
  fiveMinuteHours: number;
  hourlyDays: number;
  dailyDays: number;
  /** Every snapshot is kept this long, then one per hour … */
  snapshotsAllDays: number;
  /** … until this age, then one per day. */
  snapshotsHourlyDays: number;
  pollRunDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  fiveMinuteHours: 48,
  hourlyDays: 90,
  dailyDays: 456, // 15 months
  snapshotsAllDays: 2,
  snapshotsHourlyDays: 30,
  pollRunDays: 30,
};

export interface MetricTotals {
  invocations: number;
  errors: number;
  throttles: number;
  durationAvg: number | null;
  durationP95: number | null;
  concurrencyMax: number | null;
  coldStarts: number;
  initAvg: number | null;
  initP95: number | null;
  initMax: number | null;
}

const maxOf = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => Math.max(a, b)) : null;
};

/** Folds finer buckets into one coarser bucket (e.g. 24 hourly → 1 daily). */
export function rollUp(buckets: readonly MetricTotals[]): MetricTotals {
  const duration = mergeBuckets(
    buckets.map(
      (b): BucketAggregate => ({ count: b.invocations, avg: b.durationAvg, p95: b.durationP95, max: b.durationP95 }),
    ),
  );
  const init = mergeBuckets(
    buckets.map((b): BucketAggregate => ({ count: b.coldStarts, avg: b.initAvg, p95: b.initP95, max: b.initMax })),
  );
  return {
    invocations: buckets.reduce((s, b) => s + b.invocations, 0),
    errors: buckets.reduce((s, b) => s + b.errors, 0),
    throttles: buckets.reduce((s, b) => s + b.throttles, 0),
    durationAvg: duration.avg,
    durationP95: duration.p95,
    concurrencyMax: maxOf(buckets.map((b) => b.concurrencyMax)),
    coldStarts: init.count,
    initAvg: init.avg,
    initP95: init.p95,
    initMax: init.max,
  };
}

export const startOfUtcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** Cut-off instants: rows older than these go. */
export function retentionCutoffs(now: Date, policy: RetentionPolicy) {
  const t = now.getTime();
  return {
    fiveMinute: new Date(t - policy.fiveMinuteHours * HOUR_MS),
    hourly: new Date(t - policy.hourlyDays * DAY_MS),
    daily: new Date(t - policy.dailyDays * DAY_MS),
    pollRuns: new Date(t - policy.pollRunDays * DAY_MS),
  };
}

/**
 * Snapshot instants to delete: recent ones are all kept, older ones keep the first of each hour,
 * the oldest the first of each day — the lifecycle chart never needs more points than that.
 */
export function snapshotsToThin(instants: readonly Date[], now: Date, policy: RetentionPolicy): Date[] {
  const allUntil = now.getTime() - policy.snapshotsAllDays * DAY_MS;
  const hourlyUntil = now.getTime() - policy.snapshotsHourlyDays * DAY_MS;
  const kept = new Set<number>();
  const drop: Date[] = [];
  for (const at of [...instants].sort((a, b) => a.getTime() - b.getTime())) {
    const t = at.getTime();
    if (t >= allUntil) continue;
    const slot = t >= hourlyUntil ? Math.floor(t / HOUR_MS) * HOUR_MS : Math.floor(t / DAY_MS) * DAY_MS;
    if (kept.has(slot)) drop.push(at);
    else kept.add(slot);
  }
  return drop;
}
