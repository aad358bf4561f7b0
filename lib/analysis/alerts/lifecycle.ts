import type { EvidenceValue, Finding, Severity } from "../rules/finding";

export type AlertState = "open" | "acknowledged" | "resolved";

/** An alert that is not resolved, as far as the lifecycle needs to know it. */
export interface ActiveAlert {
  id: string;
  fingerprint: string;
  severity: Severity;
  state: AlertState;
  title: string;
  reason: string;
  evidence: Record<string, EvidenceValue>;
}

export type SeverityChange = "escalated" | "lowered";

export type AlertChange =
  | { kind: "open"; finding: Finding }
  | { kind: "update"; alert: ActiveAlert; finding: Finding; severityChange: SeverityChange | null }
  | { kind: "resolve"; alert: ActiveAlert };

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/**
 * What to do with the active alerts given this evaluation's findings: a finding with no active
 * alert of its fingerprint opens one; an alert whose finding changed is updated; an alert whose
 * finding is gone is resolved. An alert whose finding is unchanged needs nothing, which is what
 * makes re-evaluating with the same facts a no-op.
 */
export function planAlertChanges(active: readonly ActiveAlert[], findings: readonly Finding[]): AlertChange[] {
  const byFingerprint = new Map(active.map((alert) => [alert.fingerprint, alert]));
  const firing = new Set<string>();
  const changes: AlertChange[] = [];
  for (const finding of findings) {
    if (firing.has(finding.fingerprint)) continue;
    firing.add(finding.fingerprint);
    const alert = byFingerprint.get(finding.fingerprint);
    if (!alert) changes.push({ kind: "open", finding });
    else if (differs(alert, finding)) {
      changes.push({
        kind: "update",
        alert,
        finding,
        severityChange: severityChange(alert.severity, finding.severity),
      });
    }
  }
  for (const alert of active) if (!firing.has(alert.fingerprint)) changes.push({ kind: "resolve", alert });
  return changes;
}

/** An escalation asks for attention again, so it takes back an acknowledgement. */
export function stateAfterUpdate(state: AlertState, change: SeverityChange | null): AlertState {
  return change === "escalated" ? "open" : state;
}

function severityChange(from: Severity, to: Severity): SeverityChange | null {
  if (RANK[to] > RANK[from]) return "escalated";
  if (RANK[to] < RANK[from]) return "lowered";
  return null;
}

function differs(alert: ActiveAlert, finding: Finding): boolean {
  return (
    alert.severity !== finding.severity ||
    alert.title !== finding.title ||
    alert.reason !== finding.reason ||
    !sameEvidence(alert.evidence, finding.evidence)
  );
}

function sameEvidence(a: Record<string, EvidenceValue>, b: Record<string, EvidenceValue>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && a[key] === b[key]);
}

/** A silenced alert stays visible but sends no notifications. */
export function isSilenced(silencedUntil: Date | null, now: Date): boolean {
  return silencedUntil !== null && silencedUntil > now;
}
