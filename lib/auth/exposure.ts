// Without sign-in, anyone who can reach the server can use it: fine on loopback (the demo),
// refused at start-up on any other address unless the operator says so explicitly. What counts
// is the address the server really listens on (lib/server/listeners.ts), not what it was told.

import { readEnv } from "@/lib/config/env";
import { isLoopbackHost } from "@/lib/config/loopback";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { resolveAuthSettings } from "./settings";

type Env = Record<string, string | undefined>;

/**
 * The address this server was told to listen on: `next start|dev -H <host>`, else HOST, else
 * 127.0.0.1 (what `npm start` uses). HOSTNAME is not consulted: shells and containers set it to
 * the machine's name, not to a listen address. Only a fallback before the server listens.
 */
export function listenHost(argv: readonly string[] = process.argv, env: Env = process.env): string {
  const flag = argv.findIndex((arg) => arg === "-H" || arg === "--hostname");
  const inline = argv.find((arg) => arg.startsWith("--hostname="))?.slice("--hostname=".length);
  return (flag >= 0 ? argv[flag + 1] : inline) ?? readEnv(env).HOST;
}

/** Whether only this machine can reach these addresses ("0.0.0.0" and "::" are every interface). */
export function onlyLoopback(addresses: readonly string[]): boolean {
  return addresses.length > 0 && addresses.every(isLoopbackHost);
}

/**
 * Start-up check of the sign-in configuration and of where it is served: throws ConfigError for
 * a bad secret; returns why the server must not serve, or null when it may.
 */
export function startupRefusal(
  config: ImageFleetConfig,
  addresses: string | readonly string[],
  env: Env = process.env,
): string | null {
  const listed = typeof addresses === "string" ? [addresses] : addresses;
  if (resolveAuthSettings(config, env) || onlyLoopback(listed) || readEnv(env).IMAGEFLEET_ALLOW_ANONYMOUS === "1") {
    return null;
  }
  const exposed = listed.find((address) => !isLoopbackHost(address)) ?? "(no address)";
  return (
    `refusing to serve ${exposed} without sign-in: anyone who reaches it could use ImageFleet. ` +
    "Configure the `auth` section (OIDC), listen on 127.0.0.1 (HOST), or set IMAGEFLEET_ALLOW_ANONYMOUS=1 " +
    "to allow anonymous read-only access."
  );
}
