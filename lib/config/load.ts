import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { ConfigError } from "./errors";
import { configSchema, type ImageFleetConfig } from "./schema";

type Env = Record<string, string | undefined>;

export const DEFAULT_CONFIG_FILE = "imagefleet.config.json";

export interface LoadedConfig {
  config: ImageFleetConfig;
  /** The file it came from, or null when no file exists and defaults apply. */
  file: string | null;
}

/** Formats zod issues as "field.path: message" lines, naming the file. */
function formatIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`);
  return `Invalid configuration in ${file}:\n${lines.join("\n")}`;
}

/**
 * Reads and validates the fleet configuration file now. Throws ConfigError naming the file and
 * field. Code that serves or collects reads `appConfig()` instead: one read per process.
 */
export function loadConfig(env: Env = process.env): LoadedConfig {
  const explicit = env.IMAGEFLEET_CONFIG?.trim();
  const file = path.resolve(/*turbopackIgnore: true*/ explicit || DEFAULT_CONFIG_FILE);
  if (!fs.existsSync(file)) {
    if (explicit) throw new ConfigError(`IMAGEFLEET_CONFIG points to ${file}, which does not exist`);
    return { config: configSchema.parse({}), file: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ConfigError(`Invalid configuration in ${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(file, parsed.error));
  return { config: parsed.data, file };
}

let cached: LoadedConfig | undefined;

/**
 * This process's configuration: read and validated once, at start-up (boot, `npm start`, the
 * collector), and the same object ever after. A changed file takes effect on restart.
 */
export function appConfig(): LoadedConfig {
  cached ??= loadConfig();
  return cached;
}
