import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TimeStep } from "@/lib/analysis/time-window";
import { type DatabaseKind, databaseTarget } from "../url";

// Raw SQL shared by the read-side queries, written for both SQLite and PostgreSQL: quoted
// identifiers, no dialect functions except where `dialect` picks one.

export function dialect(): DatabaseKind {
  return databaseTarget().kind;
}

/**
 * The start of the hour or day (UTC) a timestamp falls in, as a value that groups and sorts.
 * SQLite stores Prisma DateTimes as ISO 8601 text in UTC, so a prefix is the bucket.
 */
export function bucketOf(column: Prisma.Sql, step: TimeStep, kind: DatabaseKind = dialect()): Prisma.Sql {
  if (kind === "postgresql") return Prisma.sql`date_trunc(${Prisma.raw(`'${step}'`)}, ${column})`;
  return Prisma.sql`substr(${column}, 1, ${Prisma.raw(step === "hour" ? "13" : "10")})`;
}

/** `LIKE` pattern matching `text` anywhere, case-insensitively (compare against LOWER(column)). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const LIKE_ESCAPE = Prisma.raw(`ESCAPE '\\'`);

export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** Counts and sums come back as bigint (both drivers) or numeric strings (PostgreSQL); DTOs carry numbers. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Computed timestamp columns come back as Date (PostgreSQL, typed columns) or ISO text (SQLite expressions). */
export function toIso(value: Date | string | null | undefined): string | null {
  return toDate(value)?.toISOString() ?? null;
}

/** Timestamps of raw queries come back as Date (PostgreSQL) or ISO text (SQLite). */
export function toDate(value: Date | string | null | undefined): Date | null {
  return value === null || value === undefined ? null : new Date(value);
}

/** A `bucketOf` value as the ISO instant of the bucket start. */
export function bucketStartIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  if (value.length === 13) return `${value}:00:00.000Z`;
  if (value.length === 10) return `${value}T00:00:00.000Z`;
  return new Date(value).toISOString();
}
