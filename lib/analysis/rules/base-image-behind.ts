import { utcDate, wholeDaysBetween } from "../time";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding, type Severity } from "./finding";

export function baseImageBehind(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const image = facts.image;
  const lineage = image?.lineage;
  // newerAvailableSince is null exactly when the matched release is the newest.
  if (!image || lineage?.kind !== "matched" || lineage.newerAvailableSince === null) return null;
  const daysBehind = wholeDaysBetween(lineage.newerAvailableSince, now);
  const { releasesBehind, release, newest } = lineage;
  const t = config.baseImage;
  // Hygiene: the function works, it misses patches. Never critical.
  const severity: Severity =
    releasesBehind >= t.warningReleasesBehind || daysBehind >= t.warningDaysBehind ? "warning" : "info";
  const releases = releasesBehind === 1 ? "1 release" : `${releasesBehind} releases`;
  return makeFinding(
    "base-image-behind",
    facts,
    {
      severity,
      reason: `Built on ${release.repository} ${release.version}, ${releases} behind ${newest.version}; a newer one exists since ${utcDate(lineage.newerAvailableSince)} (${daysBehind} d)`,
      evidence: {
        runtime: lineage.runtime,
        repository: release.repository,
        release: release.version,
        releasePublishedAt: release.publishedAt.toISOString(),
        newest: newest.version,
        newestPublishedAt: newest.publishedAt.toISOString(),
        releasesBehind,
        newerAvailableSince: lineage.newerAvailableSince.toISOString(),
        daysBehind,
        imageDigest: image.digest,
      },
    },
    image.digest,
  );
}
