import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import type { DatabaseTarget } from "@/lib/db/url";

export interface ScratchDatabase {
  target: DatabaseTarget;
  db: Db;
  drop(): Promise<void>;
}

/** An empty, migrated SQLite file in a temporary directory. */
export async function scratchSqlite(name: string): Promise<ScratchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-bench-"));
  const file = path.join(dir, `${name}.db`);
  const target: DatabaseTarget = { kind: "sqlite", url: `file:${file}`, file };
  await migrate(target);
  const db = createDb(target);
  return {
    target,
    db,
    drop: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway PostgreSQL database next to the admin URL's, migrated; dropped afterwards. */
export async function scratchPostgres(adminUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: "postgresql", url: url.toString() };
  await migrate(target);
  const db = createDb(target);
  return {
    target,
    db,
    drop: async () => {
      await db.$disconnect();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
