// The sign-in settings a running server uses: the `auth` section of the configuration with its
// secrets taken from the environment when the file leaves them out (secrets belong in the
// deployment's secret store, not in a file next to the code).
import { ConfigError } from "@/lib/config/errors";
import { appConfig } from "@/lib/config/load";
import type { AuthConfig, ImageFleetConfig } from "@/lib/config/schema";

type Env = Record<string, string | undefined>;

export type OidcSettings = AuthConfig["oidc"];

export interface AuthSettings extends Omit<AuthConfig, "sessionSecret"> {
  sessionSecret: string;
}

const MIN_SECRET_LENGTH = 32;

function fail(field: string, problem: string): never {
  throw new ConfigError(`Invalid sign-in configuration: ${field} ${problem}`);
}

/** null when sign-in is off; throws ConfigError naming the field when the session secret is missing or weak. */
export function resolveAuthSettings(config: ImageFleetConfig, env: Env = process.env): AuthSettings | null {
  if (!config.auth) return null;
  const sessionSecret = config.auth.sessionSecret ?? env.IMAGEFLEET_SESSION_SECRET;
  if (!sessionSecret) fail("auth.sessionSecret", "is required (in the file or in IMAGEFLEET_SESSION_SECRET)");
  if (sessionSecret.length < MIN_SECRET_LENGTH) {
    fail("IMAGEFLEET_SESSION_SECRET", `must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const clientSecret = config.auth.oidc.clientSecret ?? (env.IMAGEFLEET_OIDC_CLIENT_SECRET || undefined);
  return { ...config.auth, sessionSecret, oidc: { ...config.auth.oidc, clientSecret } };
}

let cached: AuthSettings | null | undefined;

/** The settings of this process, read once (proxy.ts asks on every request). */
export function authSettings(): AuthSettings | null {
  if (cached === undefined) cached = resolveAuthSettings(appConfig().config);
  return cached;
}
