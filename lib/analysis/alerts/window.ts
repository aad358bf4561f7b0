import { DAY_MS, HOUR_MS } from "../time";

/** How much history before an alert opened the function page shows: enough to see how it came about. */
export const LEAD_MS = 3 * DAY_MS;
/** After the alert ends (or now, while it is active): the recovery, or the latest data. */
export const TRAIL_MS = HOUR_MS;
/** The longest window the function page accepts (the hourly metrics we keep). */
export const MAX_WINDOW_MS = 455 * DAY_MS;

export interface AlertWindow {
  from: Date;
  to: Date;
}

/**
 * The time window the function page opens with when reached from an alert, on whole hours so the
 * link is stable once the alert is resolved and changes at most hourly while it is active. It
 * always contains the opening, even when `now` lags behind it (the demo fleet's clock runs ahead).
 */
export function alertWindow(alert: { openedAt: Date; resolvedAt: Date | null }, now: Date): AlertWindow {
  const end = Math.max((alert.resolvedAt ?? now).getTime(), alert.openedAt.getTime());
  const to = ceilHour(end + TRAIL_MS);
  const from = Math.max(floorHour(alert.openedAt.getTime() - LEAD_MS), to - MAX_WINDOW_MS);
  return { from: new Date(from), to: new Date(to) };
}

function floorHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

function ceilHour(ms: number): number {
  return Math.ceil(ms / HOUR_MS) * HOUR_MS;
}
