// Applies the committed SQL migrations (prisma/migrations, prisma/postgres/migrations) at
// start-up through the plain drivers: the Prisma CLI cannot migrate on machines without its
// native engine. Idempotent, and safe when several processes start at once (SQLite: one
// exclusive transaction; PostgreSQL: an advisory lock).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PG_LOCKS, withPgAdvisoryLock } from "./pg-lock";
import { type DatabaseTarget, databaseTarget } from "./url";

const LEDGER = "_imagefleet_migrations";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(kind: DatabaseTarget["kind"]): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    kind === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations",
  );
}

export function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrationResult {
  applied: string[];
  total: number;
}

function pending(all: Migration[], done: Map<string, string>): Migration[] {
  for (const [name, checksum] of done) {
    const m = all.find((x) => x.name === name);
    if (!m) throw new Error(`database has migration ${name}, which this version does not know: is it newer?`);
    if (m.checksum !== checksum) throw new Error(`migration ${name} was edited after it was applied`);
  }
  return all.filter((m) => !done.has(m.name));
}

function migrateSqlite(file: string, all: Migration[]): string[] {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // WAL lets the web server read while the collector writes.
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM "${LEDGER}"`).all() as { name: string; checksum: string }[];
      const todo = pending(all, new Map(rows.map((r) => [r.name, r.checksum])));
      const record = db.prepare(`INSERT INTO "${LEDGER}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
      for (const m of todo) {
        db.exec(m.sql);
        record.run(m.name, m.checksum, new Date().toISOString());
      }
      return todo.map((m) => m.name);
    });
    return run.exclusive();
  } finally {
    db.close();
  }
}

function migratePostgres(url: string, all: Migration[]): Promise<string[]> {
  return withPgAdvisoryLock(url, PG_LOCKS.migrations, async (client) => {
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${LEDGER}"`);
    const todo = pending(all, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${LEDGER}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  });
}

/** Brings the database to the latest committed schema. */
export async function migrate(
  target: DatabaseTarget = databaseTarget(),
  dir = migrationsDir(target.kind),
): Promise<MigrationResult> {
  const all = readMigrations(dir);
  const applied =
    target.kind === "sqlite" ? migrateSqlite(target.file as string, all) : await migratePostgres(target.url, all);
  return { applied, total: all.length };
}
