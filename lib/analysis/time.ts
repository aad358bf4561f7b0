export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Calendar date of an instant in UTC, e.g. "2026-12-03" — the form used in one-line reasons. */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Completed days from one instant to another (an age: 1 day 23 h is 1). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
