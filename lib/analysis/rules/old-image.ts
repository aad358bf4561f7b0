import { utcDate, wholeDaysBetween } from "../time";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";

/** The weakest sign of an unpatched image, so it speaks only when lineage could not say more. */
export function oldImage(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const image = facts.image;
  if (!image || image.pushedAt === null || image.lineage?.kind === "matched") return null;
  const ageDays = wholeDaysBetween(image.pushedAt, now);
  if (ageDays <= config.oldImageDays) return null;
  return makeFinding(
    "old-image",
    facts,
    {
      severity: "info",
      reason: `Image pushed ${ageDays} days ago (${utcDate(image.pushedAt)}), base image unknown: probably unpatched (limit ${config.oldImageDays} d)`,
      evidence: {
        pushedAt: image.pushedAt.toISOString(),
        ageDays,
        limitDays: config.oldImageDays,
        imageDigest: image.digest,
      },
    },
    image.digest,
  );
}
