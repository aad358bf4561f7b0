import { idleStatus } from "../idle";
import { DAY_MS, utcDate } from "../time";
import { FunctionState } from "../types";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, isoOrNull, makeFinding, type Severity } from "./finding";

/** Only Active functions: an Inactive one is the `inactive` rule's, and other states are not idle-reclaimed. */
export function idleNearInactive(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  if (facts.state !== FunctionState.Active || !config.idle.packageTypes.includes(facts.packageType)) return null;
  const status = idleStatus({
    lastInvokedAt: facts.lastInvokedAt,
    firstSeenAt: facts.firstSeenAt,
    now,
    ...config.idle,
  });
  if (status.level === "ok") return null;

  const days = status.wholeIdleDays;
  const idle = status.idleSinceUnknown ? `No invocation seen in ${days} days` : `Idle ${days} days`;
  // With no known invocation the real idle start is earlier, so the date is a latest bound.
  const when =
    status.predictedInactiveAt === null
      ? "past the threshold, may become Inactive at any time"
      : `becomes Inactive ${status.idleSinceUnknown ? "by" : "around"} ${utcDate(status.predictedInactiveAt)}`;
  // Abandoned (no invocation for a month, or none ever seen): nobody will notice it going Inactive.
  const inUse =
    facts.lastInvokedAt !== null && now.getTime() - facts.lastInvokedAt.getTime() <= config.idleInUseDays * DAY_MS;
  const crossesWithinADay =
    status.predictedInactiveAt === null || status.predictedInactiveAt.getTime() - now.getTime() <= DAY_MS;
  const severity: Severity = !inUse ? "info" : crossesWithinADay ? "critical" : "warning";
  return makeFinding("idle-near-inactive", facts, {
    severity,
    reason: `${idle}; ${when} (threshold ${config.idle.thresholdDays} d)`,
    evidence: {
      idleDays: Math.round(status.idleDays * 10) / 10,
      idleSince: status.idleSince.toISOString(),
      idleSinceUnknown: status.idleSinceUnknown,
      lastInvokedAt: isoOrNull(facts.lastInvokedAt),
      predictedInactiveAt: isoOrNull(status.predictedInactiveAt),
      thresholdDays: config.idle.thresholdDays,
      inUse,
      state: facts.state,
    },
  });
}
