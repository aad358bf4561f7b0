import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readEnv } from "@/lib/config/env";
import type { ImageFleetConfig } from "@/lib/config/schema";

type Env = Record<string, string | undefined>;

const CREDENTIAL_VARIABLES = [
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_ENDPOINT_URL",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
];

/**
 * Whether anything says which AWS to collect from: accounts or discovery in the configuration
 * file, the SDK's environment variables, or an ~/.aws directory. An instance role alone cannot be
 * seen without a network call: set IMAGEFLEET_DEMO=0 there.
 */
export function hasAwsConfiguration(config: ImageFleetConfig, env: Env = process.env, home = os.homedir()): boolean {
  if (config.accounts.length > 0 || config.organization.discover) return true;
  if (CREDENTIAL_VARIABLES.some((name) => env[name]?.trim())) return true;
  if (Object.keys(env).some((name) => name.startsWith("AWS_ENDPOINT_URL_") && env[name]?.trim())) return true;
  return fs.existsSync(path.join(home, ".aws"));
}

/** IMAGEFLEET_DEMO=1 forces the built-in demo fleet, =0 forbids it; otherwise it runs when nothing is configured. */
export function wantsDemo(config: ImageFleetConfig, env: Env = process.env): boolean {
  const demo = readEnv(env).IMAGEFLEET_DEMO;
  if (demo !== undefined) return demo === "1";
  return !hasAwsConfiguration(config, env);
}
