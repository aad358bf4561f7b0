import path from "node:path";
import { readEnv } from "@/lib/config/env";

export type DatabaseKind = "sqlite" | "postgresql";
export interface DatabaseTarget {
  kind: DatabaseKind;
  url: string;
  /** Absolute file path for SQLite. */
  file?: string;
}

export const DEFAULT_SQLITE_FILE = "data/imagefleet.db";

/** Reads DATABASE_URL: postgres(ql):// selects PostgreSQL, anything else is a SQLite file URL. */
export function databaseTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const raw = readEnv(env).DATABASE_URL || `file:${DEFAULT_SQLITE_FILE}`;
  if (/^postgres(ql)?:\/\//.test(raw)) return { kind: "postgresql", url: raw };
  if (!raw.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a postgres:// URL or a file: path for SQLite, got "${raw.split(":")[0]}:…"`);
  }
  const file = path.resolve(/*turbopackIgnore: true*/ raw.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
  return { kind: "sqlite", url: `file:${file}`, file };
}
