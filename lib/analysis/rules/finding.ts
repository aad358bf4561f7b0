import type { FunctionFacts } from "./facts";

export type Severity = "info" | "warning" | "critical";

export type RuleId =
  | "idle-near-inactive"
  | "inactive"
  | "failed"
  | "update-failed"
  | "stuck-pending"
  | "base-image-behind"
  | "deprecated-runtime"
  | "image-findings"
  | "old-image"
  | "image-at-risk"
  | "cold-start-regression"
  | "image-size-near-limit"
  | "image-expiry-risk"
  | "scan-coverage-lapsed";

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
  title: string;
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
  return { rule, ...fields, fingerprint: parts.join(":") };
}

export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
