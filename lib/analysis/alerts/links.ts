import { alertWindow } from "./window";

export const DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:3000";

/** The stable, absolute link to an alert, as messages and the API give it. */
export function permalink(alertId: string, publicBaseUrl: string | undefined): string {
  return `${(publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, "")}/alerts/${encodeURIComponent(alertId)}`;
}

/** The function page with the time window around the alert preselected. */
export function functionPageHref(
  fn: { accountId: string; region: string; name: string },
  alert: { openedAt: Date; resolvedAt: Date | null },
  now: Date,
): string {
  const window = alertWindow(alert, now);
  const search = new URLSearchParams({ from: window.from.toISOString(), to: window.to.toISOString() });
  const path = [fn.accountId, fn.region, fn.name].map(encodeURIComponent).join("/");
  return `/functions/${path}?${search}`;
}
