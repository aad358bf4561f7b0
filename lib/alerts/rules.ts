import type { RuleId } from "@/lib/analysis/rules/finding";

/** Every rule with the name the filters show; a Record, so a new rule cannot be forgotten here. */
export const RULE_LABELS: Record<RuleId, string> = {
  "idle-near-inactive": "Idle, nearing Inactive",
  inactive: "Inactive",
  failed: "Failed",
  "update-failed": "Update failed",
  "stuck-pending": "Stuck in Pending",
  "base-image-behind": "Base image behind",
  "deprecated-runtime": "Deprecated runtime",
  "image-findings": "Scan findings",
  "old-image": "Old image",
  "image-at-risk": "Image at risk",
  "cold-start-regression": "Cold-start regression",
  "image-size-near-limit": "Image size near limit",
  "image-expiry-risk": "Lifecycle policy will expire image",
  "scan-coverage-lapsed": "Image scanning lapsed",
};

export const RULE_IDS = Object.keys(RULE_LABELS) as [RuleId, ...RuleId[]];
