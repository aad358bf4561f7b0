import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate, migrationsDir, readMigrations } from "@/lib/db/migrate";
import { readHealth } from "@/lib/db/queries/health";
import { createScratchDatabase, type ScratchDatabase } from "../support/database";

const scratches: ScratchDatabase[] = [];
async function emptyDatabase() {
  const scratch = await createScratchDatabase();
  scratches.push(scratch);
  return scratch.target;
}
afterEach(async () => {
  for (const s of scratches.splice(0)) await s.drop();
});

/** A copy of the committed migrations holding only the first `count`: an "older" database. */
function olderMigrations(kind: "sqlite" | "postgresql", count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-migs-"));
  for (const m of readMigrations(migrationsDir(kind)).slice(0, count)) {
    fs.mkdirSync(path.join(dir, m.name));
    fs.writeFileSync(path.join(dir, m.name, "migration.sql"), m.sql);
  }
  return dir;
}

describe("migrate", () => {
  it("brings an empty database to the latest schema, then changes nothing", async () => {
    const target = await emptyDatabase();
    const all = readMigrations(migrationsDir(target.kind)).map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);

    expect(await migrate(target)).toEqual({ applied: all, total: all.length });
    expect(await migrate(target)).toEqual({ applied: [], total: all.length });

    const db = createDb(target);
    try {
      await db.account.create({ data: { id: "123456789012", name: "management", source: "config" } });
      expect(await db.account.count()).toBe(1);
      const health = await readHealth("test", db, target.kind);
      expect(health).toMatchObject({ status: "ok", database: { kind: target.kind, migrationsApplied: all } });
    } finally {
      await db.$disconnect();
    }
  });

  it("upgrades an older database with only the missing migrations", async () => {
    const target = await emptyDatabase();
    const all = readMigrations(migrationsDir(target.kind)).map((m) => m.name);
    await migrate(target, olderMigrations(target.kind, all.length - 1));
    expect((await migrate(target)).applied).toEqual(all.slice(-1));
  });

  it("keeps one open alert per fingerprint: duplicates left by overlapping evaluators are resolved, new ones refused", async () => {
    const target = await emptyDatabase();
    const all = readMigrations(migrationsDir(target.kind)).map((m) => m.name);
    const upTo = all.indexOf("20261207193004_one_open_alert_per_fingerprint");
    await migrate(target, olderMigrations(target.kind, upTo));
    const db = createDb(target);
    const alert = (id: string, openedAt: string) => ({
      id,
      fingerprint: "failed:111122223333:eu-west-1:orders",
      rule: "failed",
      severity: "critical",
      state: "open",
      accountId: "111122223333",
      region: "eu-west-1",
      title: "Failed",
      reason: "ImageDeleted",
      openedAt: new Date(openedAt),
      updatedAt: new Date(openedAt),
    });
    try {
      await db.alert.createMany({
        data: [alert("first", "2026-12-01T10:00:00Z"), alert("second", "2026-12-01T10:00:05Z")],
      });
      await migrate(target);
      const rows = await db.alert.findMany({
        orderBy: { id: "asc" },
        select: { id: true, state: true, resolvedAt: true },
      });
      expect(rows).toEqual([
        { id: "first", state: "open", resolvedAt: null },
        { id: "second", state: "resolved", resolvedAt: new Date("2026-12-01T10:00:05Z") },
      ]);
      await expect(db.alert.create({ data: alert("third", "2026-12-01T11:00:00Z") })).rejects.toMatchObject({
        code: "P2002",
      });
      await db.alert.update({ where: { id: "first" }, data: { state: "resolved", resolvedAt: new Date() } });
      await db.alert.create({ data: alert("third", "2026-12-01T11:00:00Z") });
    } finally {
      await db.$disconnect();
    }
  });

  it("lets several processes start at once without applying twice", async () => {
    const target = await emptyDatabase();
    const results = await Promise.all([migrate(target), migrate(target), migrate(target)]);
    expect(results.flatMap((r) => r.applied)).toEqual(readMigrations(migrationsDir(target.kind)).map((m) => m.name));
  });

  it("refuses a database whose applied migration was edited", async () => {
    const target = await emptyDatabase();
    const dir = olderMigrations(target.kind, 1);
    await migrate(target, dir);
    const [first] = fs.readdirSync(dir);
    fs.appendFileSync(path.join(dir, first as string, "migration.sql"), "\n-- edited\n");
    await expect(migrate(target, dir)).rejects.toThrow(/was edited after it was applied/);
  });
});

describe("health", () => {
  it("reports an unreachable database instead of crashing", async () => {
    const db = createDb({ kind: "postgresql", url: "postgres://nobody@127.0.0.1:1/none" });
    try {
      const health = await readHealth("test", db, "postgresql");
      expect(health.status).toBe("unavailable");
      expect(health.database.reachable).toBe(false);
      expect(health.database.error).toBeTruthy();
    } finally {
      await db.$disconnect();
    }
  });
});
