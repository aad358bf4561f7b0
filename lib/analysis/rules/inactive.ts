import { FunctionState, StateReasonCode } from "../types";
import type { FunctionFacts } from "./facts";
import { type Finding, isoOrNull, makeFinding } from "./finding";
import { explainReasonCode } from "./reason-codes";

export function inactive(facts: FunctionFacts): Finding | null {
  if (facts.state !== FunctionState.Inactive) return null;
  const cause =
    facts.stateReasonCode === StateReasonCode.Idle
      ? "Lambda reclaimed it after it sat idle"
      : explainReasonCode(facts.stateReasonCode, facts.stateReason);
  return makeFinding("inactive", facts, {
    severity: "critical",
    title: "Inactive",
    reason: `Inactive (${facts.stateReasonCode ?? "no reason code"}): the next invocation will fail while the function goes back through Pending; ${cause}`,
    evidence: {
      state: facts.state,
      stateReasonCode: facts.stateReasonCode,
      stateReason: facts.stateReason,
      lastInvokedAt: isoOrNull(facts.lastInvokedAt),
    },
  });
}
