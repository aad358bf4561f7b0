// The one Prisma client. SQLite by default, PostgreSQL when DATABASE_URL is postgres://.
// Both generated clients expose the same model API, so the PostgreSQL one is typed as SQLite's.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/generated/prisma-pg/client";
import { serialisedSqlite } from "./sqlite-adapter";
import { type DatabaseTarget, databaseTarget } from "./url";

export type Db = PrismaClient;

export function createDb(target: DatabaseTarget = databaseTarget()): Db {
  if (target.kind === "postgresql") {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db;
  }
  return new PrismaClient({ adapter: serialisedSqlite(new PrismaBetterSqlite3({ url: target.url, timeout: 10_000 })) });
}

// One client per process, also across Next's dev-mode module reloads.
const holder = globalThis as unknown as { imagefleetDb?: Db };
export const db: Db = holder.imagefleetDb ?? createDb();
holder.imagefleetDb = db;
