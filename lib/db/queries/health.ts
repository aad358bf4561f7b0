import "server-only";
import { type Db, db as defaultDb } from "../client";
import { databaseTarget } from "../url";

export interface HealthReport {
  status: "ok" | "unavailable";
  version: string;
  database: { kind: "sqlite" | "postgresql"; reachable: boolean; migrationsApplied: string[]; error?: string };
  lastCollectionAt: string | null;
}

export async function readHealth(
  version: string,
  db: Db = defaultDb,
  kind = databaseTarget().kind,
): Promise<HealthReport> {
  try {
    const migrations = await db.$queryRawUnsafe<{ name: string }[]>(
      'SELECT name FROM "_imagefleet_migrations" ORDER BY name',
    );
    const last = await db.pollRun.findFirst({
      where: { finishedAt: { not: null }, status: { in: ["ok", "partial"] } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    });
    return {
      status: "ok",
      version,
      database: { kind, reachable: true, migrationsApplied: migrations.map((m) => m.name) },
      lastCollectionAt: last?.finishedAt?.toISOString() ?? null,
    };
  } catch (e) {
    // Only the first line: driver errors can be long and carry connection details.
    const first = String((e as Error).message ?? "")
      .split("\n")[0]
      ?.trim();
    const error = first || `cannot reach the ${kind} database (${(e as Error).name ?? "error"})`;
    return {
      status: "unavailable",
      version,
      database: { kind, reachable: false, migrationsApplied: [], error },
      lastCollectionAt: null,
    };
  }
}
