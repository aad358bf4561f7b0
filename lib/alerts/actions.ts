import "server-only";
import type { Alert } from "@/generated/prisma/client";
import { type AccountScope, inScope } from "@/lib/analysis/scope";
import type { TimelineEvent } from "@/lib/contracts/alerts";
import { readAlertRecord, withEvents, writeAlertRecord } from "@/lib/db/alert-record";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { scopeWhere } from "@/lib/db/queries/scope";
import { createSilence, liftSilence } from "./silences";

export type ActionResult = "ok" | "not-found" | "resolved";

/** Who acts: an alert outside the user's scope is not found, as on every read. */
interface ActionOptions {
  now?: Date;
  db?: Db;
  scope?: AccountScope;
}

/** Someone is on it: notifications continue only if it escalates (which re-opens it). */
export function acknowledgeAlert(
  id: string,
  options: ActionOptions & { by: string | null; note?: string },
): Promise<ActionResult> {
  const { by, note, now = new Date() } = options;
  return changeActiveAlert(options, id, (alert) =>
    alert.state === "acknowledged"
      ? null
      : {
          data: { state: "acknowledged", acknowledgedAt: now, acknowledgedBy: by, acknowledgeNote: note ?? null },
          event: { kind: "acknowledged", at: now.toISOString(), by, ...(note ? { note } : {}) },
        },
  );
}

/** Acknowledges every active alert among `ids` and in the groups `groupKeys` the user may see; how many it did. */
export async function acknowledgeAlerts(
  target: { ids?: readonly string[]; groupKeys?: readonly string[] },
  options: ActionOptions & { by: string | null; note?: string },
): Promise<number> {
  const db = options.db ?? defaultDb;
  const rows = await db.alert.findMany({
    where: {
      state: "open",
      OR: [{ id: { in: [...(target.ids ?? [])] } }, { groupKey: { in: [...(target.groupKeys ?? [])] } }],
      ...scopeWhere(options.scope ?? null),
    },
    select: { id: true },
  });
  let done = 0;
  for (const { id } of rows) if ((await acknowledgeAlert(id, options)) === "ok") done++;
  return done;
}

/**
 * Silences one alert until `until` with a silence rule for its rule and function (so it also
 * holds if the alert resolves and opens again); null lifts the silences covering it.
 */
export async function silenceAlert(
  id: string,
  options: ActionOptions & { until: Date | null; by: string; note?: string },
): Promise<ActionResult> {
  const { until, by, now = new Date(), scope = null } = options;
  const db = options.db ?? defaultDb;
  const alert = await db.alert.findUnique({ where: { id } });
  if (!alert || !inScope(scope, alert)) return "not-found";
  if (alert.state === "resolved") return "resolved";
  if (until === null) {
    if (alert.silenceId) await liftSilence(alert.silenceId, { by, now, db });
    return "ok";
  }
  await createSilence({
    matchers: {
      rule: alert.rule,
      accountId: alert.accountId,
      region: alert.region,
      ...(alert.functionName ? { functionPattern: alert.functionName } : { groupKey: alert.groupKey }),
    },
    endsAt: until,
    note: options.note ?? "",
    by,
    now,
    db,
  });
  return "ok";
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
