import "server-only";
import type { Alert } from "@/generated/prisma/client";
import { type AccountScope, inScope } from "@/lib/analysis/scope";
import type { TimelineEvent } from "@/lib/contracts/alerts";
import { readAlertRecord, withEvents, writeAlertRecord } from "@/lib/db/alert-record";
import { type Db, db as defaultDb } from "@/lib/db/client";

export type ActionResult = "ok" | "not-found" | "resolved";

/** Who acts: an alert outside the user's scope is not found, as on every read. */
interface ActionOptions {
  now?: Date;
  db?: Db;
  scope?: AccountScope;
}

/** Someone is on it: notifications continue only if it escalates (which re-opens it). */
export function acknowledgeAlert(id: string, options: ActionOptions & { by: string | null }): Promise<ActionResult> {
  const { by, now = new Date() } = options;
  return changeActiveAlert(options, id, (alert) =>
    alert.state === "acknowledged"
      ? null
      : {
          data: { state: "acknowledged", acknowledgedAt: now, acknowledgedBy: by },
          event: { kind: "acknowledged", at: now.toISOString(), by },
        },
  );
}

/** No notifications for this alert until `until`; null lifts the silence. */
export function silenceAlert(id: string, options: ActionOptions & { until: Date | null }): Promise<ActionResult> {
  const { until, now = new Date() } = options;
  return changeActiveAlert(options, id, () => ({
    data: { silencedUntil: until },
    event: until
      ? { kind: "silenced", at: now.toISOString(), until: until.toISOString() }
      : { kind: "unsilenced", at: now.toISOString() },
  }));
}

async function changeActiveAlert(
  options: ActionOptions,
  id: string,
  change: (alert: Alert) => { data: Partial<Alert>; event: TimelineEvent } | null,
): Promise<ActionResult> {
  const db = options.db ?? defaultDb;
  const alert = await db.alert.findUnique({ where: { id } });
  if (!alert || !inScope(options.scope ?? null, alert)) return "not-found";
  if (alert.state === "resolved") return "resolved";
  const update = change(alert);
  if (update === null) return "ok";
  const evidence = writeAlertRecord(withEvents(readAlertRecord(alert.evidence), update.event));
  // Guarded on the state read: an evaluation resolving it meanwhile wins, and this reports it.
  const written = await db.alert.updateMany({
    where: { id, state: alert.state, evidence: alert.evidence },
    data: { ...update.data, evidence },
  });
  return written.count === 1 ? "ok" : changeActiveAlert(options, id, change);
}
