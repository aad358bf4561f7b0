import { hostname } from "node:os";
import { alertWindow } from "@/lib/analysis/alerts/window";
import { listenHost } from "@/lib/auth/exposure";

/**
 * Where links point without `alerts.publicBaseUrl`: this server's own HOST:PORT (what `npm start`
 * listens on), a wildcard address replaced by the machine's name. Only a guess for anyone but this
 * machine, hence the start-up warning (publicBaseUrlWarning).
 */
export function serverBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const listen = listenHost(process.argv, env);
  const host = listen === "0.0.0.0" || listen === "::" ? hostname() : listen;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT ?? "3000"}`;
}

/** The base of every absolute link: the configured public base URL, else this server's own address. */
export function publicBase(publicBaseUrl: string | undefined): string {
  return (publicBaseUrl ?? serverBaseUrl()).replace(/\/+$/, "");
}

/** The stable, absolute link to an alert, as messages and the API give it. */
export function permalink(alertId: string, publicBaseUrl: string | undefined): string {
  return `${publicBase(publicBaseUrl)}/alerts/${encodeURIComponent(alertId)}`;
}

/** Why links in notifications may not open for their readers: channels configured but no public base URL. */
export function publicBaseUrlWarning(alerts: { publicBaseUrl?: string; channels: readonly unknown[] }): string | null {
  if (alerts.publicBaseUrl !== undefined || alerts.channels.length === 0) return null;
  return `alerts.publicBaseUrl is not set: links in notifications point at ${serverBaseUrl()}, which their readers may not reach. Set it to the address people open ImageFleet at.`;
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
