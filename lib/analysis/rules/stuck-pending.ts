import { MINUTE_MS } from "../time";
import { FunctionState } from "../types";
import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";

export function stuckPending(facts: FunctionFacts, config: RuleConfig, now: Date): Finding | null {
  if (facts.state !== FunctionState.Pending || facts.pendingSince === null) return null;
  const minutes = (now.getTime() - facts.pendingSince.getTime()) / MINUTE_MS;
  if (minutes <= config.stuckPendingMinutes) return null;
  return makeFinding("stuck-pending", facts, {
    severity: "critical",
    reason: `Pending for ${Math.floor(minutes)} min (limit ${config.stuckPendingMinutes} min)${facts.stateReasonCode === null ? "" : `, reason ${facts.stateReasonCode}`}; invocations fail until it is Active`,
    evidence: {
      pendingSince: facts.pendingSince.toISOString(),
      pendingMinutes: Math.floor(minutes),
      limitMinutes: config.stuckPendingMinutes,
      stateReasonCode: facts.stateReasonCode,
      stateReason: facts.stateReason,
    },
  });
}
