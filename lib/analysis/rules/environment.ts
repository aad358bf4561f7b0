/** How a function's environment is read: from its tags first, then from its name. */
export interface EnvironmentConfig {
  /** Tag keys tried in order (case-insensitive keys). */
  tagKeys: readonly string[];
  /** Name suffixes (after a final "-") taken as the environment when no tag says. */
  nameSuffixes: readonly string[];
  /** Environment values that are production (case-insensitive). */
  productionValues: readonly string[];
  /** Outside production, rules that allow it raise one severity level lower. */
  lowerOutsideProduction: boolean;
}

export const DEFAULT_ENVIRONMENT_CONFIG: EnvironmentConfig = {
  tagKeys: ["env", "environment", "stage"],
  nameSuffixes: ["dev", "qa", "staging"],
  productionValues: ["prod", "production", "prd", "live"],
  lowerOutsideProduction: true,
};

export interface FunctionEnvironment {
  /** Lower-cased tag value or name suffix; null when neither says. */
  name: string | null;
  /** Unknown counts as production: a missing tag must never hide an outage. */
  production: boolean;
}

export function functionEnvironment(
  fn: { name: string; tags: Readonly<Record<string, string>> },
  config: EnvironmentConfig,
): FunctionEnvironment {
  const name = fromTags(fn.tags, config.tagKeys) ?? fromName(fn.name, config.nameSuffixes);
  return { name, production: name === null || config.productionValues.some((value) => value.toLowerCase() === name) };
}

function fromTags(tags: Readonly<Record<string, string>>, keys: readonly string[]): string | null {
  const byKey = new Map(Object.entries(tags).map(([key, value]) => [key.toLowerCase(), value.trim()]));
  for (const key of keys) {
    const value = byKey.get(key.toLowerCase());
    if (value) return value.toLowerCase();
  }
  return null;
}

function fromName(name: string, suffixes: readonly string[]): string | null {
  const suffix = name.slice(name.lastIndexOf("-") + 1).toLowerCase();
  return name.includes("-") && suffixes.some((s) => s.toLowerCase() === suffix) ? suffix : null;
}
