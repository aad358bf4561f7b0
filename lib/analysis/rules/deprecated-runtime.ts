import { runtimeStatus } from "../runtimes";
import { utcDate } from "../time";
import { PackageType } from "../types";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";

/** The runtime a function depends on: its configured runtime, or for an image the runtime of its base image. */
export function effectiveRuntime(facts: FunctionFacts): string | null {
  if (facts.packageType !== PackageType.Image) return facts.runtime;
  const image = facts.image;
  if (!image) return null;
  return image.baseRuntime ?? (image.lineage?.kind === "matched" ? image.lineage.runtime : null);
}

/** Not about one image: a new image on the same deprecated runtime keeps the same finding open. */
export function deprecatedRuntime(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const runtime = effectiveRuntime(facts);
  if (runtime === null) return null;
  const status = runtimeStatus(runtime, now);
  if (status.deprecatedOn === undefined) return null;
  const daysLeft = status.daysUntilDeprecation ?? 0;
  if (!status.deprecated && daysLeft > config.deprecationWarningDays) return null;

  const subject = facts.packageType === PackageType.Image ? `Base image runtime ${runtime}` : `Runtime ${runtime}`;
  const date = utcDate(status.deprecatedOn);
  return makeFinding("deprecated-runtime", facts, {
    severity: status.deprecated ? "critical" : "warning",
    title: status.deprecated ? "Deprecated runtime" : "Runtime deprecation ahead",
    reason: status.deprecated
      ? `${subject} deprecated since ${date}: no more security patches`
      : `${subject} is deprecated on ${date} (in ${daysLeft} d)`,
    evidence: {
      runtime,
      deprecated: status.deprecated,
      deprecatedOn: date,
      daysUntilDeprecation: status.daysUntilDeprecation ?? null,
    },
  });
}
