import "server-only";
import type { Alert } from "@/generated/prisma/client";
import { type AlertLabels, alertSubject, groupKey } from "@/lib/analysis/alerts/grouping";
import { type ActiveAlert, type AlertState, planAlertChanges, stateAfterUpdate } from "@/lib/analysis/alerts/lifecycle";
import { coveringSilence, type SilenceWindow } from "@/lib/analysis/alerts/silence";
import { environmentOf, evaluateRules } from "@/lib/analysis/rules/evaluate";
import type { FunctionFacts } from "@/lib/analysis/rules/facts";
import type { Finding, Severity } from "@/lib/analysis/rules/finding";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { readAlertRecord, severityChangeEvent, withEvents, writeAlertRecord } from "@/lib/db/alert-record";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { loadFunctionFacts } from "@/lib/db/queries/alert-facts";
import { loadCatalog } from "@/lib/db/queries/base-image-releases";
import { type Tx, writeTransaction } from "@/lib/db/writes/transaction";
import { newAlertId } from "./ids";
import { queueGroupNotifications } from "./notify/groups";
import { ruleConfigFrom } from "./rule-config";
import { activeSilences } from "./silences";

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
  labels: AlertLabels;
}

/** The columns grouping, filters and silences read, from the finding and its function. */
function alertLabels(finding: Finding, facts: FunctionFacts, environment: string | null): AlertLabels {
  const { accountId, region, team } = facts.identity;
  return { rule: finding.rule, team, accountId, region, environment, subject: alertSubject(facts) };
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
    const environment = environmentOf(facts, ruleConfig).name;
    for (const finding of evaluateRules(facts, ruleConfig, now))
      firing.set(finding.fingerprint, { finding, functionId, facts, labels: alertLabels(finding, facts, environment) });
  }
  const grouping = { groupBy: config.alerts.groupBy, now };

  return writeTransaction(db, async (tx) => {
    const silences = await activeSilences(tx, now);
    const stored = await tx.alert.findMany({ where: { state: { in: ["open", "acknowledged"] } } });
    const byId = new Map(stored.map((alert) => [alert.id, alert]));
    const changes = planAlertChanges(
      stored.map(toActiveAlert),
      [...firing.values()].map((entry) => entry.finding),
    );
    const result: AlertEvaluation = { opened: 0, updated: 0, escalated: 0, resolved: 0 };
    for (const change of changes) {
      if (change.kind === "open") {
        await openAlert(tx, firing.get(change.finding.fingerprint)!, { ...grouping, silences });
        result.opened++;
      } else if (change.kind === "update") {
        const entry = firing.get(change.finding.fingerprint)!;
        await updateAlert(tx, byId.get(change.alert.id)!, entry, change.severityChange, {
          ...grouping,
          silences,
        });
        result.updated++;
        if (change.severityChange === "escalated") result.escalated++;
      } else {
        await resolveAlert(tx, byId.get(change.alert.id)!, now);
        result.resolved++;
      }
    }
    await regroup(tx, stored, firing, config.alerts.groupBy);
    // Notifications go per group, not per alert: see lib/alerts/notify/groups.ts.
    await queueGroupNotifications(tx, config, now);
    return result;
  });
}

/**
 * Alerts whose finding did not change keep their row, but their group can: alerts from before
 * grouping existed, or after `alerts.groupBy` changed. Silences are not touched here.
 */
async function regroup(
  tx: Tx,
  stored: readonly Alert[],
  firing: ReadonlyMap<string, FiringFinding>,
  groupBy: ImageFleetConfig["alerts"]["groupBy"],
): Promise<void> {
  for (const alert of stored) {
    const entry = firing.get(alert.fingerprint);
    if (!entry) continue;
    const key = groupKey(entry.labels, groupBy);
    if (
      alert.groupKey === key &&
      alert.subject === entry.labels.subject &&
      alert.environment === entry.labels.environment
    )
      continue;
    await tx.alert.updateMany({
      where: { id: alert.id, state: { in: ["open", "acknowledged"] } },
      data: { groupKey: key, subject: entry.labels.subject, environment: entry.labels.environment },
    });
  }
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

interface Placement {
  groupBy: ImageFleetConfig["alerts"]["groupBy"];
  silences: readonly SilenceWindow[];
  now: Date;
}

/** The group and silence columns of an alert with these labels. */
function placement(labels: AlertLabels, functionName: string, { groupBy, silences, now }: Placement) {
  const key = groupKey(labels, groupBy);
  const silence = coveringSilence({ ...labels, functionName, groupKey: key }, silences, now);
  return {
    environment: labels.environment,
    subject: labels.subject,
    groupKey: key,
    silenceId: silence?.id ?? null,
    silencedUntil: silence?.until ?? null,
  };
}

function openAlert(tx: Tx, { finding, functionId, facts, labels }: FiringFinding, where: Placement): Promise<Alert> {
  const { accountId, region, name, team } = facts.identity;
  const now = where.now;
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
      ...placement(labels, name, where),
    },
  });
}

function updateAlert(
  tx: Tx,
  alert: Alert,
  { finding, facts, labels }: FiringFinding,
  severityChange: "escalated" | "lowered" | null,
  where: Placement,
): Promise<Alert> {
  const now = where.now;
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
      // A silence made since it opened keeps applying; a changed lineage may move it to another group.
      ...placement(labels, facts.identity.name, where),
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
