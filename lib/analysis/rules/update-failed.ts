import { LastUpdateStatus } from "../types";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";
import { explainReasonCode } from "./reason-codes";

export function updateFailed(facts: FunctionFacts): Finding | null {
  if (facts.lastUpdateStatus !== LastUpdateStatus.Failed) return null;
  const code = facts.lastUpdateStatusReasonCode;
  return makeFinding("update-failed", facts, {
    severity: "warning",
    reason: `Last update failed (${code ?? "no reason code"}) and was not applied; ${explainReasonCode(code, facts.lastUpdateStatusReason)}`,
    evidence: {
      lastUpdateStatus: facts.lastUpdateStatus,
      lastUpdateStatusReasonCode: code,
      lastUpdateStatusReason: facts.lastUpdateStatusReason,
    },
  });
}
