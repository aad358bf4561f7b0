// The sign-in settings a running server uses: the `auth` section of the configuration with its
// secrets taken from the environment when the file leaves them out (secrets belong in the
// deployment's secret store, not in a file next to the code).
import { readEnv } from "@/lib/config/env";
import { ConfigError } from "@/lib/config/errors";
import { appConfig } from "@/lib/config/load";
import { type AuthConfig, type ImageFleetConfig, isStrongSecret, MIN_SECRET_CHARACTERS } from "@/lib/config/schema";

type Env = Record<string, string | undefined>;

export type OidcSettings = AuthConfig["oidc"];

export interface AuthSettings extends Omit<AuthConfig, "sessionSecret"> {
  sessionSecret: string;
}

function fail(field: string, problem: string): never {
  throw new ConfigError(`Invalid sign-in configuration: ${field} ${problem}`);
}

/** null when sign-in is off; throws ConfigError naming the field when the session secret is missing or weak. */
export function resolveAuthSettings(config: ImageFleetConfig, env: Env = process.env): AuthSettings | null {
  if (!config.auth) return null;
  const secrets = readEnv(env);
  const sessionSecret = config.auth.sessionSecret ?? secrets.IMAGEFLEET_SESSION_SECRET;
  if (!sessionSecret) fail("auth.sessionSecret", "is required (in the file or in IMAGEFLEET_SESSION_SECRET)");
  if (!isStrongSecret(sessionSecret)) {
    fail("IMAGEFLEET_SESSION_SECRET", `must have at least ${MIN_SECRET_CHARACTERS} characters other than spaces`);
  }
  const clientSecret = config.auth.oidc.clientSecret ?? secrets.IMAGEFLEET_OIDC_CLIENT_SECRET;
  return { ...config.auth, sessionSecret, oidc: { ...config.auth.oidc, clientSecret } };
}

let cached: AuthSettings | null | undefined;

/** The settings of this process, read once (proxy.ts asks on every request). */
export function authSettings(): AuthSettings | null {
  if (cached === undefined) cached = resolveAuthSettings(appConfig().config);
  return cached;
}
