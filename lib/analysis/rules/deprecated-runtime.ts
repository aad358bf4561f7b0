import { runtimeStatus } from "../runtimes";
import { utcDate } from "../time";
import { PackageType } from "../types";
import type { RuleConfig } from "./config";
import type { FunctionFacts, ImageFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";

/** The runtime a function depends on: its configured runtime, or for an image the runtime of its base image. */
export function effectiveRuntime(
  facts: Pick<FunctionFacts, "packageType" | "runtime"> & { image: Pick<ImageFacts, "baseRuntime" | "lineage"> | null },
): string | null {
  if (facts.packageType !== PackageType.Image) return facts.runtime;
  const image = facts.image;
  if (!image) return null;
  return image.baseRuntime ?? (image.lineage?.kind === "matched" ? image.lineage.runtime : null);
}

export interface DeprecationNotice {
  runtime: string;
  deprecatedOn: Date;
  deprecated: boolean;
  daysUntilDeprecation: number | null;
}

/** A runtime worth mentioning: deprecated, or deprecated within `warningDays`. */
export function deprecationNotice(runtime: string | null, now: Date, warningDays: number): DeprecationNotice | null {
  if (runtime === null) return null;
  const status = runtimeStatus(runtime, now);
  if (status.deprecatedOn === undefined) return null;
  const daysUntilDeprecation = status.daysUntilDeprecation ?? null;
  if (daysUntilDeprecation !== null && daysUntilDeprecation > warningDays) return null;
  return { runtime, deprecatedOn: status.deprecatedOn, deprecated: status.deprecated, daysUntilDeprecation };
}

/** Not about one image: a new image on the same deprecated runtime keeps the same finding open. */
export function deprecatedRuntime(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const notice = deprecationNotice(effectiveRuntime(facts), now, config.deprecationWarningDays);
  if (notice === null) return null;
  const { runtime, deprecated, daysUntilDeprecation } = notice;
  const subject = facts.packageType === PackageType.Image ? `Base image runtime ${runtime}` : `Runtime ${runtime}`;
  const date = utcDate(notice.deprecatedOn);
  return makeFinding("deprecated-runtime", facts, {
    severity: deprecated ? "critical" : "warning",
    title: deprecated ? "Deprecated runtime" : "Runtime deprecation ahead",
    reason: deprecated
      ? `${subject} deprecated since ${date}: no more security patches`
      : `${subject} is deprecated on ${date} (in ${daysUntilDeprecation} d)`,
    evidence: { runtime, deprecated, deprecatedOn: date, daysUntilDeprecation },
  });
}
