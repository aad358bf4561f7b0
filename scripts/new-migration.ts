// Makes a new committed migration for both databases from the change in prisma/schema.prisma:
//   npm run db:migration -- add_something
// Each side replays the existing migrations into a scratch database (a temp SQLite file, a
// throwaway PostgreSQL database) and diffs it against the schema with the WASM schema engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
const adminUrl = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function migrate(databaseUrl: string) {
  execFileSync("node", ["scripts/prisma-wasm-migrate.mjs", "dev", "--name", name as string], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

const newDirs = (dir: string, before: string[]) => fs.readdirSync(dir).filter((d) => !before.includes(d));
const sqliteBefore = fs.readdirSync("prisma/migrations");
const pgBefore = fs.existsSync("prisma/postgres/migrations") ? fs.readdirSync("prisma/postgres/migrations") : [];

execFileSync("npx", ["tsx", "scripts/generate.ts"], { stdio: "inherit" });
migrate(`file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-mig-")), "scratch.db")}`);

const scratch = `imagefleet_migration_${Date.now()}`;
const admin = new pg.Client(adminUrl);
await admin.connect();
await admin.query(`CREATE DATABASE "${scratch}"`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  migrate(url.toString());
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await admin.end();
}

// Both sides carry the same migration name so their histories read alike.
const [sqliteDir] = newDirs("prisma/migrations", sqliteBefore);
const [pgDir] = newDirs("prisma/postgres/migrations", pgBefore);
if (sqliteDir && pgDir && sqliteDir !== pgDir) {
  fs.renameSync(path.join("prisma/postgres/migrations", pgDir), path.join("prisma/postgres/migrations", sqliteDir));
}
