// Where absolute links (alert permalinks, report links in digests) point.
import { hostname } from "node:os";
import type { AppEnv } from "./env";
import { appEnv } from "./env";

/**
 * Without `alerts.publicBaseUrl`: this server's own HOST:PORT (where `npm start` listens), a
 * wildcard address replaced by the machine's name. Only a guess for anyone but this machine, hence
 * the start-up warning (publicBaseUrlWarning).
 */
export function serverBaseUrl(env: Pick<AppEnv, "HOST" | "PORT"> = appEnv()): string {
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? hostname() : env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
}

/** The base of every absolute link: the configured public base URL, else this server's own address. */
export function publicBase(publicBaseUrl: string | undefined, env?: Pick<AppEnv, "HOST" | "PORT">): string {
  return (publicBaseUrl ?? serverBaseUrl(env)).replace(/\/+$/, "");
}

/** Why links in notifications may not open for their readers: channels configured but no public base URL. */
export function publicBaseUrlWarning(
  alerts: { publicBaseUrl?: string; channels: readonly unknown[] },
  env?: Pick<AppEnv, "HOST" | "PORT">,
): string | null {
  if (alerts.publicBaseUrl !== undefined || alerts.channels.length === 0) return null;
  return `alerts.publicBaseUrl is not set: links in notifications point at ${serverBaseUrl(env)}, which their readers may not reach. Set it to the address people open ImageFleet at.`;
}
