import { RULE_REGISTRY, type RuleId } from "@/lib/analysis/rules/registry";

export { RULE_IDS, ruleLabel } from "@/lib/analysis/rules/registry";

/** Every rule with the name the filters show, from the rule registry. */
export const RULE_LABELS = Object.fromEntries(
  Object.entries(RULE_REGISTRY).map(([id, rule]) => [id, rule.label]),
) as Record<RuleId, string>;
