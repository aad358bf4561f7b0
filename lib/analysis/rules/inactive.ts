import { DAY_MS } from "../time";
import { FunctionState, StateReasonCode } from "../types";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, isoOrNull, makeFinding } from "./finding";
import { explainReasonCode } from "./reason-codes";

/** Critical only while something still calls it: an Inactive function nobody invokes fails nobody. */
export function inactive(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  if (facts.state !== FunctionState.Inactive) return null;
  const recentTraffic =
    facts.lastInvokedAt !== null &&
    now.getTime() - facts.lastInvokedAt.getTime() <= config.inactiveTrafficDays * DAY_MS;
  const cause =
    facts.stateReasonCode === StateReasonCode.Idle
      ? "Lambda reclaimed it after it sat idle"
      : explainReasonCode(facts.stateReasonCode, facts.stateReason);
  return makeFinding("inactive", facts, {
    severity: recentTraffic ? "critical" : "warning",
    reason: `Inactive (${facts.stateReasonCode ?? "no reason code"}): the next invocation will fail while the function goes back through Pending; ${cause}${recentTraffic ? `; it had traffic in the last ${config.inactiveTrafficDays} d` : ""}`,
    evidence: {
      state: facts.state,
      stateReasonCode: facts.stateReasonCode,
      stateReason: facts.stateReason,
      lastInvokedAt: isoOrNull(facts.lastInvokedAt),
      recentTraffic,
    },
  });
}
