import "server-only";
import { isSilenceActive, silenceWithinScope } from "@/lib/analysis/alerts/silence";
import type { AccountScope } from "@/lib/analysis/scope";
import type { SilenceList, SilenceListItem, SilenceStatus } from "@/lib/contracts/silences";
import { type Db, db as defaultDb } from "../client";
import { silenceWindow } from "../silence-record";

/** Silences newest first (the latest 500): expired and lifted ones stay as history. */
export async function listSilences(options: { now?: Date; db?: Db; scope?: AccountScope } = {}): Promise<SilenceList> {
  const { now = new Date(), db = defaultDb, scope = null } = options;
  const [rows, counts] = await Promise.all([
    db.silence.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 }),
    db.alert.groupBy({
      by: ["silenceId"],
      where: { state: { in: ["open", "acknowledged"] }, silenceId: { not: null }, silencedUntil: { gt: now } },
      _count: { _all: true },
    }),
  ]);
  const silencing = new Map(counts.map((row) => [row.silenceId, row._count._all]));
  const silences = rows.flatMap((row): SilenceListItem[] => {
    const window = silenceWindow(row);
    if (!silenceWithinScope(scope, window.matchers)) return [];
    const status: SilenceStatus = row.liftedAt
      ? "lifted"
      : isSilenceActive(window, now)
        ? "active"
        : row.startsAt > now
          ? "pending"
          : "expired";
    return [
      {
        id: row.id,
        matchers: window.matchers,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        note: row.note,
        createdBy: row.createdBy,
        liftedAt: row.liftedAt?.toISOString() ?? null,
        liftedBy: row.liftedBy,
        status,
        silencing: status === "active" ? (silencing.get(row.id) ?? 0) : 0,
      },
    ];
  });
  return { silences };
}
