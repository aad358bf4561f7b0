import { DEFAULT_RULE_CONFIG, type RuleConfig } from "@/lib/analysis/rules/config";
import type { ImageFleetConfig } from "@/lib/config/schema";

/** The rule thresholds the configuration sets; the rest keep the rules' defaults. */
export function ruleConfigFrom(config: Pick<ImageFleetConfig, "idle" | "alerts">): RuleConfig {
  return {
    ...DEFAULT_RULE_CONFIG,
    idle: { ...DEFAULT_RULE_CONFIG.idle, ...config.idle },
    stuckPendingMinutes: config.alerts.stuckPendingMinutes,
    oldImageDays: config.alerts.oldImageDays,
    environment: config.alerts.environment,
    scanMaxAgeDays: config.alerts.scanMaxAgeDays,
  };
}
