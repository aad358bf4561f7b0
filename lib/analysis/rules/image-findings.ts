import { utcDate } from "../time";
import type { RuleConfig } from "./config";
import type { FunctionFacts, SeverityCounts } from "./facts";
import { type Finding, isoOrNull, makeFinding, type Severity } from "./finding";

const ORDER: readonly (keyof SeverityCounts)[] = ["critical", "high", "medium", "low"];
// Scan findings are hygiene: nothing fails today, so even a critical CVE is a warning.
const SEVERITY: Record<keyof SeverityCounts, Severity> = {
  critical: "warning",
  high: "info",
  medium: "info",
  low: "info",
};

export function imageFindings(facts: FunctionFacts, config: RuleConfig): Finding | null {
  const image = facts.image;
  const counts = image?.findings;
  if (!image || !counts) return null;
  const alerting = ORDER.filter((level) => config.findingSeverities.includes(level) && counts[level] > 0);
  const worst = alerting[0];
  if (worst === undefined) return null;
  return makeFinding(
    "image-findings",
    facts,
    {
      severity: SEVERITY[worst],
      // Findings age: say which scan they come from.
      reason: `Image scan of ${image.scanCompletedAt ? utcDate(image.scanCompletedAt) : "unknown date"}: ${alerting.map((level) => `${counts[level]} ${level}`).join(", ")}`,
      evidence: { ...counts, imageDigest: image.digest, scanCompletedAt: isoOrNull(image.scanCompletedAt) },
    },
    image.digest,
  );
}
