import { FunctionState } from "../types";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";
import { explainReasonCode } from "./reason-codes";

export function failed(facts: FunctionFacts): Finding | null {
  if (facts.state !== FunctionState.Failed) return null;
  return makeFinding("failed", facts, {
    severity: "critical",
    reason: `Failed (${facts.stateReasonCode ?? "no reason code"}): invocations fail; ${explainReasonCode(facts.stateReasonCode, facts.stateReason)}`,
    evidence: {
      state: facts.state,
      stateReasonCode: facts.stateReasonCode,
      stateReason: facts.stateReason,
      imageDigest: facts.image?.digest ?? null,
    },
  });
}
