import "server-only";
import type { IdleThresholds } from "@/lib/analysis/idle";
import { DEFAULT_RULE_CONFIG, type RuleConfig } from "@/lib/analysis/rules/config";
import { loadConfig } from "@/lib/config/load";

/** The configured idle thresholds (validated at start-up, so reading them cannot fail here). */
export function idleThresholds(): IdleThresholds {
  return loadConfig().config.idle;
}

/** The rule thresholds pages explain image safety with (the scan age limit is configured). */
export function imageSafetyRules(): RuleConfig {
  return { ...DEFAULT_RULE_CONFIG, scanMaxAgeDays: loadConfig().config.alerts.scanMaxAgeDays };
}
