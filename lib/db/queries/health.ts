import "server-only";
import { type Db, db as defaultDb } from "../client";
import { databaseTarget } from "../url";

/** Collection is late once the last successful one is older than this many poll intervals. */
const LATE_INTERVALS = 2;
/** A notification due this long and still unsent means delivery is not keeping up (or not running). */
export const OUTBOX_BACKLOG_MS = 10 * 60_000;

export interface HealthReport {
  /** `degraded`: serving, but collection is late or notifications back up (`reasons` says which). */
  status: "ok" | "degraded" | "unavailable";
  reasons: string[];
  version: string;
  database: { kind: "sqlite" | "postgresql"; reachable: boolean; migrationsApplied: string[]; error?: string };
  lastCollectionAt: string | null;
  /** Pending notifications due for longer than OUTBOX_BACKLOG_MS. */
  notificationsBacklog: number | null;
}

export interface HealthOptions {
  /** The configured poll interval. */
  intervalSeconds: number;
  now?: Date;
}

export async function readHealth(
  version: string,
  db: Db = defaultDb,
  kind = databaseTarget().kind,
  options: HealthOptions = { intervalSeconds: 300 },
): Promise<HealthReport> {
  const now = options.now ?? new Date();
  try {
    const migrations = await db.$queryRawUnsafe<{ name: string }[]>(
      'SELECT name FROM "_imagefleet_migrations" ORDER BY name',
    );
    const last = await db.pollRun.findFirst({
      where: { finishedAt: { not: null }, status: { in: ["ok", "partial"] } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    });
    const backlog = await db.notification.count({
      where: { status: "pending", nextAttemptAt: { lte: new Date(now.getTime() - OUTBOX_BACKLOG_MS) } },
    });
    const lastCollectionAt = last?.finishedAt ?? null;
    const reasons: string[] = [];
    const lateMs = LATE_INTERVALS * options.intervalSeconds * 1000;
    if (lastCollectionAt !== null && now.getTime() - lastCollectionAt.getTime() > lateMs) {
      const minutes = Math.floor((now.getTime() - lastCollectionAt.getTime()) / 60_000);
      reasons.push(
        `collection is late: the last one finished ${minutes} min ago (interval ${options.intervalSeconds} s)`,
      );
    }
    if (backlog > 0) {
      reasons.push(`notifications are backing up: ${backlog} due for more than ${OUTBOX_BACKLOG_MS / 60_000} min`);
    }
    return {
      status: reasons.length > 0 ? "degraded" : "ok",
      reasons,
      version,
      database: { kind, reachable: true, migrationsApplied: migrations.map((m) => m.name) },
      lastCollectionAt: lastCollectionAt?.toISOString() ?? null,
      notificationsBacklog: backlog,
    };
  } catch (e) {
    // Only the first line: driver errors can be long and carry connection details.
    const first = String((e as Error).message ?? "")
      .split("\n")[0]
      ?.trim();
    const error = first || `cannot reach the ${kind} database (${(e as Error).name ?? "error"})`;
    return {
      status: "unavailable",
      reasons: [error],
      version,
      database: { kind, reachable: false, migrationsApplied: [], error },
      lastCollectionAt: null,
      notificationsBacklog: null,
    };
  }
}
