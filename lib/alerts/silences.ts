import "server-only";
import {
  coveringSilence,
  hasMatchers,
  type SilenceMatchers,
  type SilenceWindow,
  silenceWithinScope,
} from "@/lib/analysis/alerts/silence";
import type { AccountScope } from "@/lib/analysis/scope";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { silenceWindow } from "@/lib/db/silence-record";
import { type Tx, writeTransaction } from "@/lib/db/writes/transaction";
import { newAlertId } from "./ids";

type Client = Db | Tx;

export async function activeSilences(client: Client, now: Date): Promise<SilenceWindow[]> {
  const rows = await client.silence.findMany({
    where: { liftedAt: null, endsAt: { gt: now }, startsAt: { lte: now } },
  });
  return rows.map(silenceWindow);
}

/**
 * Brings every active alert's silence columns in line with the active silences: called when a
 * silence is made or lifted (evaluation sets them on the alerts it opens or updates).
 */
export async function applySilences(client: Client, now: Date): Promise<void> {
  const silences = await activeSilences(client, now);
  const alerts = await client.alert.findMany({
    where: { state: { in: ["open", "acknowledged"] } },
    select: {
      id: true,
      rule: true,
      team: true,
      accountId: true,
      region: true,
      environment: true,
      functionName: true,
      groupKey: true,
      silenceId: true,
      silencedUntil: true,
    },
  });
  const changes = new Map<string, { silenceId: string | null; silencedUntil: Date | null; ids: string[] }>();
  for (const alert of alerts) {
    const cover = coveringSilence(alert, silences, now);
    const silenceId = cover?.id ?? null;
    const silencedUntil = cover?.until ?? null;
    if (alert.silenceId === silenceId && alert.silencedUntil?.getTime() === silencedUntil?.getTime()) continue;
    const key = `${silenceId}`;
    const change = changes.get(key) ?? { silenceId, silencedUntil, ids: [] };
    change.ids.push(alert.id);
    changes.set(key, change);
  }
  for (const { silenceId, silencedUntil, ids } of changes.values()) {
    await client.alert.updateMany({ where: { id: { in: ids } }, data: { silenceId, silencedUntil } });
  }
}

export type CreateSilenceResult = { kind: "ok"; id: string; matched: number } | { kind: "out-of-scope" | "empty" };

export async function createSilence(options: {
  matchers: SilenceMatchers;
  endsAt: Date;
  note: string;
  by: string;
  now?: Date;
  scope?: AccountScope;
  db?: Db;
}): Promise<CreateSilenceResult> {
  const { matchers, endsAt, note, by, now = new Date(), scope = null, db = defaultDb } = options;
  if (!hasMatchers(matchers)) return { kind: "empty" };
  if (!silenceWithinScope(scope, matchers)) return { kind: "out-of-scope" };
  const id = newAlertId();
  return writeTransaction(db, async (tx) => {
    await tx.silence.create({
      data: { id, matchers: JSON.stringify(matchers), startsAt: now, endsAt, note, createdBy: by, createdAt: now },
    });
    await applySilences(tx, now);
    const matched = await tx.alert.count({ where: { silenceId: id } });
    return { kind: "ok", id, matched };
  });
}

export async function liftSilence(
  id: string,
  options: { by: string; now?: Date; db?: Db; scope?: AccountScope },
): Promise<"ok" | "not-found"> {
  const { by, now = new Date(), db = defaultDb, scope = null } = options;
  return writeTransaction(db, async (tx) => {
    const row = await tx.silence.findUnique({ where: { id } });
    if (!row || !silenceWithinScope(scope, silenceWindow(row).matchers)) return "not-found";
    if (row.liftedAt === null && row.endsAt > now) {
      await tx.silence.update({ where: { id }, data: { liftedAt: now, liftedBy: by } });
      await applySilences(tx, now);
    }
    return "ok";
  });
}
