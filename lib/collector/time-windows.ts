import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";

export const FIVE_MINUTES_MS = 5 * MINUTE_MS;

/** 5-minute buckets are kept this long (lib/db/writes/retention.ts): no point reading further back after a gap. */
export const FIVE_MINUTE_RETENTION_MS = 2 * DAY_MS;
/**
 * How far back hourly metrics and cold starts are read for a function seen for the first time.
 * Longer would cost a first cycle dearly (Insights bills by bytes scanned) for history that the
 * weekly figures only need from installation on.
 */
export const FIRST_SIGHT_MS = 2 * DAY_MS;
/** 5-minute detail on first sight: enough for the recent-activity chart. */
export const FIVE_MINUTE_FIRST_SIGHT_MS = 3 * HOUR_MS;
/** The longest cold-start window after a gap: Insights scans every byte of it. */
export const COLD_START_MAX_WINDOW_MS = 7 * DAY_MS;

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
