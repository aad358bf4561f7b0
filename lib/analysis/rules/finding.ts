import type { FunctionFacts } from "./facts";
import { RULE_REGISTRY, type RuleId } from "./registry";
import type { Severity } from "./severity";

export type { RuleId } from "./registry";
export type { Severity } from "./severity";

export type EvidenceValue = string | number | boolean | null;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  title: string;
  /** One line. */
  reason: string;
  evidence: Record<string, EvidenceValue>;
  /** Stable across evaluations while the same condition holds: rule + function [+ image digest]. */
  fingerprint: string;
}

export interface FindingFields {
  severity: Severity;
  /** Defaults to the rule's title in the registry. */
  title?: string;
  reason: string;
  evidence: Record<string, EvidenceValue>;
}

/**
 * Builds a finding. Pass `imageDigest` for findings about an image, so a redeploy with a new
 * image resolves the old finding instead of silently carrying it over.
 */
export function makeFinding(rule: RuleId, facts: FunctionFacts, fields: FindingFields, imageDigest?: string): Finding {
  const { accountId, region, name } = facts.identity;
  const parts = [rule, accountId, region, name, ...(imageDigest === undefined ? [] : [imageDigest])];
  return { rule, ...fields, title: fields.title ?? RULE_REGISTRY[rule].title, fingerprint: parts.join(":") };
}

export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
