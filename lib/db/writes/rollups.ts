// The roll-up read model's write side (see FunctionRollup, SliceRollup and RollupScope in
// prisma/schema.prisma). One code path for SQLite and PostgreSQL: every figure is aggregated in SQL
// from the hourly buckets, so a refresh never loads a window's buckets into the process. Bucket
// reads go from "Function" by CROSS JOIN and HOURLY: SQLite (without statistics) then seeks each
// function's buckets by key; PostgreSQL plans it as a plain join.
import { Prisma } from "@/generated/prisma/client";
import { type BucketAggregate, mergeBuckets } from "@/lib/analysis/stats";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { RANGE_PRESETS, type RangePreset, resolveTimeRange } from "@/lib/analysis/time-window";
import type { Db } from "../client";
import { PG_LOCKS, withPgAdvisoryLock } from "../pg-lock";
import { databaseTarget } from "../url";
import { chunks, type Tx, writeTransaction } from "./transaction";

/** Bumped whenever what a roll-up row means changes: start-up rebuilds scopes written by another version. */
export const ROLLUP_VERSION = 1;

/** Slices are kept for the longest preset window plus the partial day it starts in. */
export const SLICE_HISTORY_MS = 31 * DAY_MS;

type Sql = Tx | Db;

/**
 * Hourly buckets of `MetricBucket s`, read function by function: comparing `resolution || ''` takes
 * the fleet-wide (resolution, start, …) covering index out of the running, which SQLite would
 * otherwise scan whole for each function (see bucketsIn in queries/metric-aggregates.ts).
 */
const HOURLY = Prisma.sql`s."resolution" || '' = '1h'`;

/** The window a preset covers when computed at `now` (the same as a page asking at `now`). */
export function presetWindow(preset: RangePreset, now: Date) {
  return resolveTimeRange({ range: preset }, now);
}

/**
 * Columns over rows of `source` grouped by `partition`: sums, and the init p95 merged as
 * `mergeBuckets` does (the count-weighted nearest-rank p95 of the rows' p95s). Rows without cold
 * starts or without a p95 weigh nothing, so they never become the p95.
 */
export function weightedP95(partition: Prisma.Sql, tieBreak: Prisma.Sql): { inner: Prisma.Sql; outer: Prisma.Sql } {
  const weight = Prisma.sql`CASE WHEN s."coldStarts" > 0 AND s."initP95" IS NOT NULL THEN s."coldStarts" ELSE 0 END`;
  return {
    inner: Prisma.sql`${weight} AS "weight",
      SUM(${weight}) OVER (PARTITION BY ${partition} ORDER BY s."initP95", ${tieBreak} ROWS UNBOUNDED PRECEDING) AS "cumulative",
      SUM(${weight}) OVER (PARTITION BY ${partition}) AS "total"`,
    outer: Prisma.sql`MIN(CASE WHEN w."weight" > 0 AND w."cumulative" >= 0.95 * w."total" THEN w."initP95" END)`,
  };
}

/** Recomputes the preset windows of `functionIds` from their hourly buckets (rows are written for every id). */
export async function refreshFunctionRollups(db: Sql, functionIds: readonly string[], now: Date): Promise<void> {
  for (const ids of chunks([...new Set(functionIds)])) {
    for (const preset of RANGE_PRESETS) {
      await db.$executeRaw`DELETE FROM "FunctionRollup" WHERE "window" = ${preset} AND "functionId" IN (${Prisma.join(ids)})`;
      await db.$executeRaw(functionRollupInsert(ids, preset, now));
    }
  }
}

/** The INSERT of one preset's roll-up rows for `ids` (exported for the query-plan tests). */
export function functionRollupInsert(ids: readonly string[], preset: RangePreset, now: Date): Prisma.Sql {
  const window = presetWindow(preset, now);
  const idList = Prisma.join(ids);
  const p95 = weightedP95(Prisma.sql`s."functionId"`, Prisma.sql`s."start"`);
  return Prisma.sql`
    INSERT INTO "FunctionRollup" ("functionId", "window", "windowFrom", "invocations", "errors", "throttles",
      "coldStarts", "coldStartRate", "initP95", "coverageFrom", "watermark", "computedAt")
    SELECT f."id", ${preset}, ${window.from}, COALESCE(t."invocations", 0), COALESCE(t."errors", 0),
      COALESCE(t."throttles", 0), COALESCE(t."coldStarts", 0),
      CASE WHEN t."invocations" > 0 THEN t."coldStarts" * 1.0 / t."invocations" END,
      t."initP95", t."coverageFrom", f."metricsThrough", ${now}
    FROM "Function" f LEFT JOIN (
      SELECT w."functionId", SUM(w."invocations") AS "invocations", SUM(w."errors") AS "errors",
        SUM(w."throttles") AS "throttles", SUM(w."coldStarts") AS "coldStarts", MIN(w."start") AS "coverageFrom",
        ${p95.outer} AS "initP95"
      FROM (
        SELECT s."functionId", s."start", s."invocations", s."errors", s."throttles", s."coldStarts", s."initP95", ${p95.inner}
        FROM "Function" g CROSS JOIN "MetricBucket" s
        WHERE g."id" IN (${idList}) AND s."functionId" = g."id"
          AND ${HOURLY} AND s."start" >= ${window.from} AND s."start" < ${window.to}
      ) w GROUP BY w."functionId"
    ) t ON t."functionId" = f."id"
    WHERE f."id" IN (${idList})`;
}

/** Marks a scope's unchanged function roll-ups as current: same figures, newer computedAt and watermark. */
async function confirmFunctionRollups(db: Sql, scope: Scope, now: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "FunctionRollup" SET "computedAt" = ${now},
      "watermark" = (SELECT f."metricsThrough" FROM "Function" f WHERE f."id" = "FunctionRollup"."functionId")
    WHERE "computedAt" < ${now} AND "functionId" IN (
      SELECT f."id" FROM "Function" f WHERE f."accountId" = ${scope.accountId} AND f."region" = ${scope.region})`;
}

/**
 * Functions of a scope whose roll-up of some preset is missing or sums a window that has since moved
 * on; every function of the scope when its roll-ups were written by another version (`all`).
 */
async function outdatedFunctions(db: Sql, scope: Scope, now: Date, all: boolean): Promise<string[]> {
  const conditions = all
    ? [Prisma.sql`1 = 1`]
    : RANGE_PRESETS.map(
        (preset) => Prisma.sql`NOT EXISTS (SELECT 1 FROM "FunctionRollup" r WHERE r."functionId" = f."id"
      AND r."window" = ${preset} AND r."windowFrom" = ${presetWindow(preset, now).from})`,
      );
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT f."id" FROM "Function" f
    WHERE f."accountId" = ${scope.accountId} AND f."region" = ${scope.region} AND (${Prisma.join(conditions, " OR ")})`;
  return rows.map((row) => row.id);
}

/**
 * A window that moved on past hours without buckets keeps its figures: only its start moves. This
 * spares the hourly recomputation of every quiet function of the fleet when the windows move on.
 */
async function shiftIdleWindows(db: Sql, scope: Scope, now: Date): Promise<void> {
  for (const preset of RANGE_PRESETS) {
    const from = presetWindow(preset, now).from;
    await db.$executeRaw`
      UPDATE "FunctionRollup" SET "windowFrom" = ${from}
      WHERE "window" = ${preset} AND "windowFrom" < ${from}
        AND "functionId" IN (SELECT f."id" FROM "Function" f WHERE f."accountId" = ${scope.accountId} AND f."region" = ${scope.region})
        AND NOT EXISTS (SELECT 1 FROM "MetricBucket" s WHERE s."functionId" = "FunctionRollup"."functionId"
          AND ${HOURLY} AND s."start" >= "FunctionRollup"."windowFrom" AND s."start" < ${from})`;
  }
}

export interface Scope {
  accountId: string;
  region: string;
}

/** Hourly slice sums of a scope from `since` (an hour boundary), then the days those hours fall in. */
export async function refreshSliceRollups(db: Sql, scope: Scope, since: Date, now: Date): Promise<void> {
  const where = Prisma.sql`"accountId" = ${scope.accountId} AND "region" = ${scope.region}`;
  await db.$executeRaw`DELETE FROM "SliceRollup" WHERE ${where} AND "resolution" = '1h' AND "start" >= ${since}`;
  await db.$executeRaw(sliceHoursInsert(scope, since, now));
  await refreshSliceDays(db, scope, new Date(Math.floor(since.getTime() / DAY_MS) * DAY_MS), now);
  await db.$executeRaw`DELETE FROM "SliceRollup" WHERE ${where} AND "start" < ${new Date(now.getTime() - SLICE_HISTORY_MS)}`;
}

/** The INSERT of a scope's hourly slice rows from `since` (exported for the query-plan tests). */
export function sliceHoursInsert(scope: Scope, since: Date, now: Date): Prisma.Sql {
  const p95 = weightedP95(Prisma.sql`s."start", f."packageType", f."team"`, Prisma.sql`s."functionId"`);
  return Prisma.sql`
    INSERT INTO "SliceRollup" ("resolution", "start", "accountId", "region", "packageType", "team",
      "invocations", "coldStarts", "initP95", "computedAt")
    SELECT '1h', w."start", ${scope.accountId}, ${scope.region}, w."packageType", w."team",
      SUM(w."invocations"), SUM(w."coldStarts"), ${p95.outer}, ${now}
    FROM (
      SELECT s."start", f."packageType", f."team", s."invocations", s."coldStarts", s."initP95", ${p95.inner}
      FROM "Function" f CROSS JOIN "MetricBucket" s
      WHERE f."accountId" = ${scope.accountId} AND f."region" = ${scope.region} AND s."functionId" = f."id"
        AND ${HOURLY} AND s."start" >= ${since}
    ) w GROUP BY w."start", w."packageType", w."team"`;
}

/** Days merged from the scope's hourly slices with mergeBuckets itself (a day's hours are few). */
async function refreshSliceDays(db: Sql, scope: Scope, since: Date, now: Date): Promise<void> {
  const hours = await db.sliceRollup.findMany({
    where: { accountId: scope.accountId, region: scope.region, resolution: "1h", start: { gte: since } },
    select: { start: true, packageType: true, team: true, invocations: true, coldStarts: true, initP95: true },
  });
  const days = new Map<
    string,
    { start: Date; packageType: string; team: string | null; invocations: number; init: BucketAggregate[] }
  >();
  for (const hour of hours) {
    const start = new Date(Math.floor(hour.start.getTime() / DAY_MS) * DAY_MS);
    const key = JSON.stringify([start.getTime(), hour.packageType, hour.team]);
    const day = days.get(key) ?? { start, packageType: hour.packageType, team: hour.team, invocations: 0, init: [] };
    day.invocations += hour.invocations;
    day.init.push({ count: hour.coldStarts, avg: null, p95: hour.initP95, max: null });
    days.set(key, day);
  }
  await db.sliceRollup.deleteMany({
    where: { accountId: scope.accountId, region: scope.region, resolution: "1d", start: { gte: since } },
  });
  const rows = [...days.values()].map((day) => {
    const init = mergeBuckets(day.init);
    return {
      resolution: "1d",
      start: day.start,
      accountId: scope.accountId,
      region: scope.region,
      packageType: day.packageType,
      team: day.team,
      invocations: day.invocations,
      coldStarts: init.count,
      initP95: init.p95,
      computedAt: now,
    };
  });
  for (const part of chunks(rows)) await db.sliceRollup.createMany({ data: part });
}

export interface ScopeChanges {
  /** Functions whose hourly buckets were written this pass. */
  functionIds: ReadonlySet<string>;
  /** The earliest hourly bucket written, if any. */
  since: Date | null;
  /** A function changed team or package type (or appeared, or left): its slices' whole history moves. */
  slicesMoved: boolean;
}

/**
 * After a scope's metrics pass: recompute the roll-ups of the functions whose buckets changed or
 * whose windows moved on, the slice hours from the earliest changed bucket, and confirm the rest.
 */
export async function updateScopeRollups(db: Sql, scope: Scope, changes: ScopeChanges, now: Date): Promise<void> {
  const known = await db.rollupScope.findUnique({ where: { accountId_region: scope } });
  const current = known?.version === ROLLUP_VERSION;
  if (current) await shiftIdleWindows(db, scope, now);
  const outdated = await outdatedFunctions(db, scope, now, !current);
  await refreshFunctionRollups(db, [...changes.functionIds, ...outdated], now);
  await confirmFunctionRollups(db, scope, now);
  const historyStart = new Date(Math.floor((now.getTime() - SLICE_HISTORY_MS) / HOUR_MS) * HOUR_MS);
  const since = !current || changes.slicesMoved ? historyStart : changes.since;
  if (since) {
    await refreshSliceRollups(db, scope, new Date(Math.max(since.getTime(), historyStart.getTime())), now);
  }
  const watermark = await db.function.aggregate({
    where: { accountId: scope.accountId, region: scope.region },
    _max: { metricsThrough: true },
  });
  const state = { computedAt: now, watermark: watermark._max.metricsThrough, version: ROLLUP_VERSION };
  await db.rollupScope.upsert({ where: { accountId_region: scope }, create: { ...scope, ...state }, update: state });
}

/** Every scope's roll-ups from scratch, or only those another version wrote (`outdatedOnly`). */
export async function rebuildRollups(
  db: Db,
  now: Date,
  options: { outdatedOnly?: boolean } = {},
): Promise<{ scopes: number }> {
  const scopes = await db.function.findMany({
    distinct: ["accountId", "region"],
    select: { accountId: true, region: true },
  });
  const current = new Set(
    (await db.rollupScope.findMany({ where: { version: ROLLUP_VERSION } })).map((s) => `${s.accountId}|${s.region}`),
  );
  const todo = options.outdatedOnly ? scopes.filter((s) => !current.has(`${s.accountId}|${s.region}`)) : scopes;
  for (const scope of todo) {
    await db.rollupScope.deleteMany({ where: scope });
    await writeTransaction(db, (tx) =>
      updateScopeRollups(tx, scope, { functionIds: new Set(), since: null, slicesMoved: true }, now),
    );
  }
  return { scopes: todo.length };
}

/**
 * At start-up: rebuild the scopes whose roll-ups another version wrote (or none wrote yet). With
 * PostgreSQL, processes starting at once take turns, so the second finds nothing left to do.
 */
export async function prepareRollups(db: Db, now: Date = new Date()): Promise<{ scopes: number }> {
  const target = databaseTarget();
  const rebuild = () => rebuildRollups(db, now, { outdatedOnly: true });
  return target.kind === "postgresql" ? withPgAdvisoryLock(target.url, PG_LOCKS.rollups, rebuild) : rebuild();
}
