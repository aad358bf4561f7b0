import { baseImageBehind } from "./base-image-behind";
import { coldStartRegression } from "./cold-start-regression";
import type { RuleConfig } from "./config";
import { deprecatedRuntime } from "./deprecated-runtime";
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
import { scanCoverageLapsed } from "./scan-coverage-lapsed";
import { stuckPending } from "./stuck-pending";
import { updateFailed } from "./update-failed";

export type Rule = (facts: FunctionFacts, config: RuleConfig, now: Date) => Finding | null;

/** Every rule, lifecycle first; `evaluateRules` reports findings in this order. */
export const RULES: readonly Rule[] = [
  failed,
  inactive,
  stuckPending,
  updateFailed,
  idleNearInactive,
  imageAtRisk,
  imageExpiryRisk,
  baseImageBehind,
  deprecatedRuntime,
  imageFindings,
  scanCoverageLapsed,
  oldImage,
  imageSizeNearLimit,
  coldStartRegression,
];

export function evaluateRules(facts: FunctionFacts, config: RuleConfig, now: Date): Finding[] {
  return RULES.flatMap((rule) => rule(facts, config, now) ?? []);
}
