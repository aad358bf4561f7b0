import { utcDate, wholeDaysBetween } from "../time";
import type { RuleConfig } from "./config";
import type { FunctionFacts, ImageFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";
import { imagesInUse } from "./images-in-use";

/** Inspector marks images it stopped re-scanning (no ECS/EKS use, push/pull window over). */
export const SCAN_ELIGIBILITY_EXPIRED = "SCAN_ELIGIBILITY_EXPIRED";

/** Why the image's findings no longer cover new vulnerabilities, or null while they do. */
export function scanLapse(
  image: Pick<ImageFacts, "missing" | "scanStatus" | "scanCompletedAt">,
  config: Pick<RuleConfig, "scanMaxAgeDays">,
  now: Date,
): string | null {
  if (image.missing) return null;
  if (image.scanStatus === SCAN_ELIGIBILITY_EXPIRED) {
    return `Inspector stopped re-scanning it (SCAN_ELIGIBILITY_EXPIRED${image.scanCompletedAt ? `; last scan ${utcDate(image.scanCompletedAt)}` : ""})`;
  }
  if (image.scanCompletedAt === null || image.scanStatus === null) return null;
  const ageDays = wholeDaysBetween(image.scanCompletedAt, now);
  if (ageDays <= config.scanMaxAgeDays) return null;
  return `its last completed scan is ${ageDays} days old (${utcDate(image.scanCompletedAt)}; limit ${config.scanMaxAgeDays} d)`;
}

/**
 * Inspector counts an image as in use only for ECS and EKS, so an image only Lambda runs drops
 * out of continuous re-scanning and its findings go stale silently. Hygiene: a warning.
 */
export function scanCoverageLapsed(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const lapsed = imagesInUse(facts).flatMap(({ image, usedBy }) => {
    const why = scanLapse(image, config, now);
    return why ? [{ image, usedBy, why }] : [];
  });
  const first = lapsed[0];
  if (!first) return null;
  return makeFinding(
    "scan-coverage-lapsed",
    facts,
    {
      severity: "warning",
      reason:
        `The image ${first.usedBy.join(", ")} runs is no longer scanned: ${first.why}. Re-scan it (ECR StartImageScan, ` +
        "or push/pull it), or extend Inspector's ECR re-scan duration" +
        (lapsed.length > 1 ? `; ${lapsed.length - 1} more digest(s) lapsed` : ""),
      evidence: {
        imageDigest: first.image.digest,
        usedBy: first.usedBy.join(", "),
        scanStatus: first.image.scanStatus,
        scanCompletedAt: first.image.scanCompletedAt?.toISOString() ?? null,
        maxAgeDays: config.scanMaxAgeDays,
        moreDigestsLapsed: lapsed.length - 1,
      },
    },
    first.image.digest,
  );
}
