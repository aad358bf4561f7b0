// Each integration test file gets its own empty, migrated database: a temp SQLite file, or —
// when IMAGEFLEET_TEST_PG holds an admin URL — a throwaway PostgreSQL database dropped afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/url";

export const testPgAdminUrl = process.env.IMAGEFLEET_TEST_PG || null;

export interface ScratchDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (!testPgAdminUrl) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-test-")), "test.db");
    return {
      target: { kind: "sqlite", url: `file:${file}`, file },
      drop: async () => fs.rmSync(path.dirname(file), { recursive: true, force: true }),
    };
  }
  const name = `imagefleet_test_${crypto.randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client(testPgAdminUrl);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(testPgAdminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgresql", url: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
