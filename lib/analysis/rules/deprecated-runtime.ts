import { runtimeInfo, runtimeStatus } from "../runtimes";
import { DAY_MS, utcDate } from "../time";
import { PackageType } from "../types";
import type { RuleConfig } from "./config";
import type { FunctionFacts, ImageFacts } from "./facts";
import { type Finding, makeFinding, type Severity } from "./finding";

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

/**
 * Not about one image: a new image on the same deprecated runtime keeps the same finding open.
 * Critical only in the days before AWS blocks updates of Zip functions on the runtime (after that
 * no fix can be deployed on it); AWS blocks nothing for image functions, so for them it stays hygiene.
 */
export function deprecatedRuntime(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const notice = deprecationNotice(effectiveRuntime(facts), now, config.deprecationWarningDays);
  if (notice === null) return null;
  const { runtime, deprecated, daysUntilDeprecation } = notice;
  const image = facts.packageType === PackageType.Image;
  const subject = image ? `Base image runtime ${runtime}` : `Runtime ${runtime}`;
  const date = utcDate(notice.deprecatedOn);
  const blockUpdateOn = image ? null : blockUpdateDate(runtime);
  const msToBlock = blockUpdateOn === null ? null : blockUpdateOn.getTime() - now.getTime();
  const blockSoon = msToBlock !== null && msToBlock > 0 && msToBlock <= config.deprecationCriticalDays * DAY_MS;
  const severity: Severity = blockSoon ? "critical" : deprecated ? "warning" : "info";
  const block =
    blockUpdateOn === null
      ? ""
      : msToBlock! > 0
        ? `; AWS blocks updates on ${utcDate(blockUpdateOn)} (in ${Math.ceil(msToBlock! / DAY_MS)} d)`
        : `; AWS blocks updates since ${utcDate(blockUpdateOn)}`;
  return makeFinding("deprecated-runtime", facts, {
    severity,
    title: deprecated ? "Deprecated runtime" : "Runtime deprecation ahead",
    reason: deprecated
      ? `${subject} deprecated since ${date}: no more security patches${block}`
      : `${subject} is deprecated on ${date} (in ${daysUntilDeprecation} d)${block}`,
    evidence: {
      runtime,
      deprecated,
      deprecatedOn: date,
      daysUntilDeprecation,
      blockUpdateOn: blockUpdateOn === null ? null : utcDate(blockUpdateOn),
    },
  });
}

function blockUpdateDate(runtime: string): Date | null {
  const day = runtimeInfo(runtime)?.blockUpdateOn;
  return day === undefined ? null : new Date(`${day}T00:00:00Z`);
}
