import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";

export const FIVE_MINUTES_MS = 5 * MINUTE_MS;

/** 5-minute buckets are kept this long (lib/db/writes/retention.ts): no point reading further back after a gap. */
export const FIVE_MINUTE_RETENTION_MS = 2 * DAY_MS;
/**
 * How far back hourly metrics and cold starts are read in the fresh part of a cycle for a function
 * seen for the first time (or again after a gap). Older history is the backfill's (backfill.ts),
 * which runs after the fresh state is written and keeps Insights scans within a budget.
 */
export const FIRST_SIGHT_MS = 2 * DAY_MS;
/** 5-minute detail on first sight: enough for the recent-activity chart. */
export const FIVE_MINUTE_FIRST_SIGHT_MS = 3 * HOUR_MS;

export function floorTo(date: Date, periodMs: number): Date {
  return new Date(Math.floor(date.getTime() / periodMs) * periodMs);
}

export function floorToHour(date: Date): Date {
  return floorTo(date, HOUR_MS);
}

export interface WindowRule {
  lookbackMs: number;
  /** How far back a function never collected is read. */
  firstSightMs: number;
  /** The longest window read after a gap (the collector was down): older data is past retention or too costly. */
  maxMs: number;
}

/** Where an incremental window starts: the end of the previous one minus the look-back for late data. */
export function windowStart(through: Date | null, now: Date, rule: WindowRule): Date {
  const since = through ? through.getTime() - rule.lookbackMs : now.getTime() - rule.firstSightMs;
  return new Date(Math.max(since, now.getTime() - rule.maxMs));
}

/**
 * The window start when it begins a new stretch of continuous coverage: on first sight, or after a
 * gap longer than the rule's longest window (what lies between is lost to this window). Null when
 * the window continues the previous one.
 */
export function coverageRestart(through: Date | null, now: Date, rule: WindowRule): Date | null {
  const start = windowStart(through, now, rule);
  return through === null || start.getTime() > through.getTime() - rule.lookbackMs ? start : null;
}

/** Groups items by a date key, so that each window is fetched once for all its functions. */
export function groupByDate<T>(items: readonly T[], key: (item: T) => Date): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const at = key(item).getTime();
    const group = groups.get(at);
    if (group) group.push(item);
    else groups.set(at, [item]);
  }
  return groups;
}
