import path from "node:path";
import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file (scripts/generate.ts). Migrations are made by
// scripts/new-migration.ts and applied at start-up by lib/db/migrate.ts.
const url = process.env.DATABASE_URL ?? "file:./data/imagefleet.db";
const isPg = /^postgres(ql)?:\/\//.test(url);

// The CLI wants a native schema-engine binary (downloaded from the internet, unreachable here)
// even for `prisma generate`. Any existing file named here stops the download attempt.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-schema-engine.sh");

export default defineConfig({
  schema: isPg ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPg ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url },
});
