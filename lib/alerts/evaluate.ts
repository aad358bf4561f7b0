import "server-only";
import type { Alert } from "@/generated/prisma/client";
import {
  type ActiveAlert,
  type AlertState,
  isSilenced,
  planAlertChanges,
  stateAfterUpdate,
} from "@/lib/analysis/alerts/lifecycle";
import { evaluateRules } from "@/lib/analysis/rules/evaluate";
import type { FunctionFacts } from "@/lib/analysis/rules/facts";
import type { Finding, Severity } from "@/lib/analysis/rules/finding";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { readAlertRecord, severityChangeEvent, withEvents, writeAlertRecord } from "@/lib/db/alert-record";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { loadFunctionFacts } from "@/lib/db/queries/alert-facts";
import { loadCatalog } from "@/lib/db/queries/base-image-releases";
import { type Tx, writeTransaction } from "@/lib/db/writes/transaction";
import { newAlertId } from "./ids";
import type { AlertNotice } from "./notify/notice";
import { enqueueNotices } from "./notify/outbox";
import { ruleConfigFrom } from "./rule-config";

export interface AlertEvaluation {
  opened: number;
  /** Every alert whose finding changed, escalations included. */
  updated: number;
  escalated: number;
  resolved: number;
}

export type AlertsConfig = Pick<ImageFleetConfig, "idle" | "alerts">;

interface FiringFinding {
  finding: Finding;
  functionId: string;
  facts: FunctionFacts;
}

/**
 * Runs every rule over every live function and brings the alerts in line: opens, updates
 * (recording escalations), resolves, and queues the notifications of those events in the same
 * transaction. With unchanged facts and the same `now`, a second run changes nothing.
 */
export async function evaluateAlerts(options: { now: Date; config: AlertsConfig; db?: Db }): Promise<AlertEvaluation> {
  const { now, config, db = defaultDb } = options;
  const ruleConfig = ruleConfigFrom(config);
  const rows = await loadFunctionFacts(db, { now, catalog: await loadCatalog(db) });
  const firing = new Map<string, FiringFinding>();
  for (const { functionId, facts } of rows) {
    for (const finding of evaluateRules(facts, ruleConfig, now))
      firing.set(finding.fingerprint, { finding, functionId, facts });
  }

  return writeTransaction(db, async (tx) => {
    const stored = await tx.alert.findMany({ where: { state: { in: ["open", "acknowledged"] } } });
    const byId = new Map(stored.map((alert) => [alert.id, alert]));
    const changes = planAlertChanges(
      stored.map(toActiveAlert),
      [...firing.values()].map((entry) => entry.finding),
    );
    const result: AlertEvaluation = { opened: 0, updated: 0, escalated: 0, resolved: 0 };
    const notices: AlertNotice[] = [];
    for (const change of changes) {
      if (change.kind === "open") {
        const alert = await openAlert(tx, firing.get(change.finding.fingerprint)!, now);
        result.opened++;
        notices.push(notice("open", alert, now));
      } else if (change.kind === "update") {
        const alert = await updateAlert(tx, byId.get(change.alert.id)!, change.finding, change.severityChange, now);
        result.updated++;
        if (change.severityChange === "escalated") {
          result.escalated++;
          if (!isSilenced(alert.silencedUntil, now)) notices.push(notice("escalate", alert, now));
        }
      } else {
        const alert = await resolveAlert(tx, byId.get(change.alert.id)!, now);
        result.resolved++;
        if (!isSilenced(alert.silencedUntil, now)) notices.push(notice("resolve", alert, now));
      }
    }
    await enqueueNotices(tx, notices, config.alerts, now);
    return result;
  });
}

function toActiveAlert(alert: Alert): ActiveAlert {
  return {
    id: alert.id,
    fingerprint: alert.fingerprint,
    severity: alert.severity as Severity,
    state: alert.state as AlertState,
    title: alert.title,
    reason: alert.reason,
    evidence: readAlertRecord(alert.evidence).evidence,
  };
}

function openAlert(tx: Tx, { finding, functionId, facts }: FiringFinding, now: Date): Promise<Alert> {
  const { accountId, region, name, team } = facts.identity;
  const record = { evidence: finding.evidence, timeline: [] };
  return tx.alert.create({
    data: {
      id: newAlertId(),
      fingerprint: finding.fingerprint,
      rule: finding.rule,
      severity: finding.severity,
      state: "open",
      functionId,
      accountId,
      region,
      functionName: name,
      team,
      title: finding.title,
      reason: finding.reason,
      evidence: writeAlertRecord(
        withEvents(record, { kind: "opened", at: now.toISOString(), severity: finding.severity }),
      ),
      openedAt: now,
      updatedAt: now,
    },
  });
}

function updateAlert(
  tx: Tx,
  alert: Alert,
  finding: Finding,
  severityChange: "escalated" | "lowered" | null,
  now: Date,
): Promise<Alert> {
  const record = { ...readAlertRecord(alert.evidence), evidence: finding.evidence };
  const events = severityChange
    ? [severityChangeEvent(now, alert.severity as Severity, finding.severity, severityChange)]
    : [];
  return tx.alert.update({
    where: { id: alert.id },
    data: {
      severity: finding.severity,
      state: stateAfterUpdate(alert.state as AlertState, severityChange),
      title: finding.title,
      reason: finding.reason,
      evidence: writeAlertRecord(withEvents(record, ...events)),
      updatedAt: now,
    },
  });
}

function resolveAlert(tx: Tx, alert: Alert, now: Date): Promise<Alert> {
  const record = withEvents(readAlertRecord(alert.evidence), { kind: "resolved", at: now.toISOString() });
  return tx.alert.update({
    where: { id: alert.id },
    data: { state: "resolved", resolvedAt: now, updatedAt: now, evidence: writeAlertRecord(record) },
  });
}

function notice(event: AlertNotice["event"], alert: Alert, now: Date): AlertNotice {
  return {
    kind: "alert",
    event,
    at: now,
    alert: {
      id: alert.id,
      rule: alert.rule,
      severity: alert.severity as Severity,
      title: alert.title,
      reason: alert.reason,
      accountId: alert.accountId,
      region: alert.region,
      functionName: alert.functionName,
      team: alert.team,
    },
  };
}
