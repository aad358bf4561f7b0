import { baseImageBehind } from "./base-image-behind";
import { coldStartRegression } from "./cold-start-regression";
import type { RuleConfig } from "./config";
import { deprecatedRuntime } from "./deprecated-runtime";
import { type FunctionEnvironment, functionEnvironment } from "./environment";
import type { FunctionFacts } from "./facts";
import { failed } from "./failed";
import type { Finding } from "./finding";
import { idleNearInactive } from "./idle-near-inactive";
import { imageAtRisk } from "./image-at-risk";
import { imageExpiryRisk } from "./image-expiry-risk";
import { imageFindings } from "./image-findings";
import { imageSizeNearLimit } from "./image-size-near-limit";
import { inactive } from "./inactive";
import { oldImage } from "./old-image";
import { RULE_IDS, RULE_REGISTRY, type RuleId } from "./registry";
import { scanCoverageLapsed } from "./scan-coverage-lapsed";
import { lowerSeverity } from "./severity";
import { stuckPending } from "./stuck-pending";
import { updateFailed } from "./update-failed";

export type Rule = (facts: FunctionFacts, config: RuleConfig, now: Date) => Finding | null;

/** The evaluator of every rule in the registry; a Record, so a registered rule cannot lack one. */
export const RULE_EVALUATORS: Record<RuleId, Rule> = {
  failed,
  inactive,
  "stuck-pending": stuckPending,
  "update-failed": updateFailed,
  "idle-near-inactive": idleNearInactive,
  "image-at-risk": imageAtRisk,
  "image-expiry-risk": imageExpiryRisk,
  "base-image-behind": baseImageBehind,
  "deprecated-runtime": deprecatedRuntime,
  "image-findings": imageFindings,
  "scan-coverage-lapsed": scanCoverageLapsed,
  "old-image": oldImage,
  "image-size-near-limit": imageSizeNearLimit,
  "cold-start-regression": coldStartRegression,
};

export function environmentOf(facts: FunctionFacts, config: RuleConfig): FunctionEnvironment {
  return functionEnvironment({ name: facts.identity.name, tags: facts.tags }, config.environment);
}

/**
 * Every rule over one function, in registry order. Outside production a rule that allows it raises
 * one level lower: a broken dev function is worth a look in the morning, not a page at night.
 */
export function evaluateRules(facts: FunctionFacts, config: RuleConfig, now: Date): Finding[] {
  const lower = config.environment.lowerOutsideProduction && !environmentOf(facts, config).production;
  return RULE_IDS.flatMap((id) => {
    const finding = RULE_EVALUATORS[id](facts, config, now);
    if (finding === null) return [];
    return lower && RULE_REGISTRY[id].lowerOutsideProduction
      ? [{ ...finding, severity: lowerSeverity(finding.severity) }]
      : [finding];
  });
}
