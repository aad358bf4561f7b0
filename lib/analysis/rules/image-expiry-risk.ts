import type { LifecycleVerdict } from "../lifecycle-policy";
import { HOUR_MS, utcDate } from "../time";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding, type Severity } from "./finding";
import { imagesInUse } from "./images-in-use";

type Expiring = Extract<LifecycleVerdict, { status: "expires" }>;

interface Risk {
  severity: Severity;
  /** Smaller is sooner: hours until expiry, or pushes left scaled so one push ranks with a day. */
  urgency: number;
  when: string;
}

/** How soon the rule expires the image, or null when it is further off than the warning horizon. */
export function expiryRisk(verdict: Expiring, config: Pick<RuleConfig, "lifecycle">, now: Date): Risk | null {
  if (verdict.expiresAt !== null) {
    const hours = (verdict.expiresAt.getTime() - now.getTime()) / HOUR_MS;
    if (hours > config.lifecycle.warningDays * 24) return null;
    const when =
      hours <= 0
        ? `now (due since ${utcDate(verdict.expiresAt)}; ECR acts within 24 h)`
        : hours < 48
          ? `in ~${Math.max(1, Math.round(hours))} h (${verdict.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`
          : `in ~${Math.round(hours / 24)} days (${utcDate(verdict.expiresAt)})`;
    return { severity: hours <= 24 ? "critical" : "warning", urgency: hours, when };
  }
  const pushes = verdict.pushesLeft ?? Number.POSITIVE_INFINITY;
  if (pushes > config.lifecycle.warningPushes) return null;
  const when =
    pushes === 0
      ? "now (already beyond the count; ECR acts within 24 h)"
      : pushes === 1
        ? "at the next push of a matching image"
        : `after ${pushes} more pushes of matching images`;
  return { severity: pushes <= 1 ? "critical" : "warning", urgency: pushes * 24, when };
}

/**
 * A lifecycle rule will delete a digest the function runs — through `$LATEST`, a version or an
 * alias — and Lambda then fails it (ImageDeleted). Critical within a day or at the next push.
 */
export function imageExpiryRisk(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  const risks = imagesInUse(facts).flatMap(({ image, usedBy }) => {
    const verdict = image.lifecycle;
    if (image.missing || verdict?.status !== "expires") return [];
    const risk = expiryRisk(verdict, config, now);
    return risk ? [{ image, usedBy, verdict, risk }] : [];
  });
  if (risks.length === 0) return null;
  risks.sort((a, b) => a.risk.urgency - b.risk.urgency);
  const worst = risks[0]!;
  const { verdict, risk, image, usedBy } = worst;
  const others = risks.length - 1;
  return makeFinding(
    "image-expiry-risk",
    facts,
    {
      severity: risk.severity,
      reason:
        `Rule ${verdict.rulePriority} (${verdict.rule}) will expire the image ${usedBy.join(", ")} runs ${risk.when}` +
        (others > 0 ? `; ${others} more digest${others === 1 ? "" : "s"} at risk` : ""),
      evidence: {
        imageDigest: image.digest,
        usedBy: usedBy.join(", "),
        rulePriority: verdict.rulePriority,
        rule: verdict.rule,
        expiresAt: verdict.expiresAt?.toISOString() ?? null,
        pushesLeft: verdict.pushesLeft,
        moreDigestsAtRisk: others,
      },
    },
    image.digest,
  );
}
