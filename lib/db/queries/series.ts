import "server-only";
import { type BucketAggregate, mergeBuckets } from "@/lib/analysis/stats";
import { stepMs, type ViewWindow } from "@/lib/analysis/time-window";

/** Start of every step-sized bucket (UTC-aligned) that overlaps the window. */
export function bucketStarts(window: ViewWindow): number[] {
  const size = stepMs(window.step);
  const starts: number[] = [];
  for (let t = Math.floor(window.from.getTime() / size) * size; t < window.to.getTime(); t += size) starts.push(t);
  return starts;
}

function bucketStartOf(instant: number, window: ViewWindow): number {
  const size = stepMs(window.step);
  return Math.floor(instant / size) * size;
}

export interface HourlyMetrics {
  start: number;
  invocations: number;
  errors: number;
  throttles: number;
  init: BucketAggregate;
}

/** Hours grouped by the window's step they fall in (one group per hour for hourly windows). */
export function groupBySteps<T extends { start: number }>(hours: readonly T[], window: ViewWindow): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const hour of hours) {
    const key = bucketStartOf(hour.start, window);
    const group = groups.get(key);
    if (group) group.push(hour);
    else groups.set(key, [hour]);
  }
  return groups;
}

/** Hourly buckets summed into the window's steps (a no-op for hourly windows); init durations merged by mergeBuckets. */
export function rollUp(hours: readonly HourlyMetrics[], window: ViewWindow): Map<number, HourlyMetrics> {
  const rolled = new Map<number, HourlyMetrics>();
  for (const [start, group] of groupBySteps(hours, window)) {
    rolled.set(start, {
      start,
      invocations: group.reduce((sum, h) => sum + h.invocations, 0),
      errors: group.reduce((sum, h) => sum + h.errors, 0),
      throttles: group.reduce((sum, h) => sum + h.throttles, 0),
      init: mergeBuckets(group.map((h) => h.init)),
    });
  }
  return rolled;
}
