import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { configSchema, type ImageFleetConfig } from "./schema";

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

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

/** Reads and validates the fleet configuration. Throws ConfigError naming the file and field. */
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
