// Without sign-in, anyone who can reach the server can use it: fine on loopback (the demo),
// refused at start-up on any other address unless the operator says so explicitly.

import { isLoopbackHost } from "@/lib/config/loopback";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { resolveAuthSettings } from "./settings";

type Env = Record<string, string | undefined>;

/**
 * The address this server listens on: `next start|dev -H <host>`, else HOST, else 127.0.0.1
 * (what `npm start` uses). HOSTNAME is not consulted: shells and containers set it to the
 * machine's name, not to a listen address.
 */
export function listenHost(argv: readonly string[] = process.argv, env: Env = process.env): string {
  const flag = argv.findIndex((arg) => arg === "-H" || arg === "--hostname");
  const inline = argv.find((arg) => arg.startsWith("--hostname="))?.slice("--hostname=".length);
  return (flag >= 0 ? argv[flag + 1] : inline) ?? env.HOST ?? "127.0.0.1";
}

/**
 * Start-up check of the sign-in configuration and of where it is served: throws ConfigError for
 * a bad secret; returns why the server must not start, or null when it may.
 */
export function startupRefusal(config: ImageFleetConfig, host: string, env: Env = process.env): string | null {
  if (resolveAuthSettings(config, env) || isLoopbackHost(host) || env.IMAGEFLEET_ALLOW_ANONYMOUS === "1") return null;
  return (
    `refusing to serve ${host} without sign-in: anyone who reaches it could use ImageFleet. ` +
    "Configure the `auth` section (OIDC), listen on 127.0.0.1 (HOST), or set IMAGEFLEET_ALLOW_ANONYMOUS=1 " +
    "to allow anonymous read-only access."
  );
}
