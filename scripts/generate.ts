// Generates the PostgreSQL schema from the SQLite one (identical models, other datasource and
// output), then both Prisma clients. `--check` fails when the committed PostgreSQL schema is stale.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const SQLITE_SCHEMA = "prisma/schema.prisma";
const PG_SCHEMA = "prisma/postgres/schema.prisma";

export function postgresSchemaFrom(sqliteSchema: string): string {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/(output\s*=\s*)"\.\.\/generated\/prisma"/, '$1"../../generated/prisma-pg"')
    .replace(
      /^\/\/ ImageFleet storage\..*?\n\n/s,
      "// GENERATED from prisma/schema.prisma by scripts/generate.ts: edit that file instead.\n\n",
    );
}

const expected = postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
if (process.argv.includes("--check")) {
  if (fs.readFileSync(PG_SCHEMA, "utf8") !== expected) {
    console.error(`${PG_SCHEMA} is out of date: run npm run db:generate`);
    process.exit(1);
  }
} else {
  fs.mkdirSync("prisma/postgres", { recursive: true });
  fs.writeFileSync(PG_SCHEMA, expected);
  for (const schema of [SQLITE_SCHEMA, PG_SCHEMA]) {
    execFileSync("node_modules/.bin/prisma", ["generate", "--schema", schema], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    });
  }
}
