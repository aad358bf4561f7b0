import type { ColdStartPoint, ColdStartSeries } from "@/lib/contracts/fleet";
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { withinHeld } from "@/lib/analysis/coverage";
import type { AccountScope } from "@/lib/analysis/scope";
import { type BucketAggregate, coldStartRate, mergeBuckets } from "@/lib/analysis/stats";
import { resolveTimeRange, stepMs, type ViewWindow } from "@/lib/analysis/time-window";
import type { FleetQuery } from "@/lib/contracts/fleet-query";
import { type Db, db as defaultDb } from "../client";
import { weightedP95 } from "../writes/rollups";
import { fleetColdStartCoverage } from "./coverage";
import { functionConditions } from "./function-filter";
import { type BucketParts, bucketsIn } from "./metric-aggregates";
import { metricWindow } from "./metric-resolution";
import { freshSliceRollups, presetOf } from "./rollups";
import { scopeConditions } from "./scope";
import { bucketStarts, groupBySteps } from "./series";
import { toNumber, toNumberOrNull } from "./sql";

/** Buckets of the functions in the overview's slice (deleted ones included: their past happened). */
function sliceConditions(query: FleetQuery, scope: AccountScope, deleted: "include" | "exclude"): Prisma.Sql[] {
  return functionConditions(
    { account: query.account, region: query.region, packageType: query.packageType, deleted, scope },
    new Date(),
  );
}

function sliceOf(query: FleetQuery, scope: AccountScope): Prisma.Sql {
  const conditions = sliceConditions(query, scope, "include");
  if (conditions.length === 0) return Prisma.sql`1 = 1`;
  return Prisma.sql`b."functionId" IN (SELECT f."id" FROM "Function" f WHERE ${Prisma.join(conditions, " AND ")})`;
}

/** One hour of the slice: what the chart shows, nothing more (so the read stays on one index). */
interface FleetHour {
  start: number;
  invocations: number;
  init: BucketAggregate;
}

/**
 * Fleet-wide hourly sums; the hourly init p95 is merged across functions as mergeBuckets does.
 * Both queries read only columns of the (resolution, start, …) covering index.
 */
async function fleetHours(db: Db, slice: Prisma.Sql, window: BucketParts): Promise<FleetHour[]> {
  const [sums, p95s] = await Promise.all([
    db.$queryRaw<{ start: Date; coldStarts: unknown; invocations: unknown }[]>`
      SELECT b."start", SUM(b."coldStarts") AS "coldStarts", SUM(b."invocations") AS "invocations"
      FROM "MetricBucket" b WHERE ${bucketsIn(window)} AND ${slice}
      GROUP BY b."start"`,
    db.$queryRaw<{ start: Date; initP95: unknown }[]>`
      SELECT w."start", MIN(w."initP95") AS "initP95" FROM (
        SELECT b."start", b."initP95",
          SUM(b."coldStarts") OVER (PARTITION BY b."start" ORDER BY b."initP95", b."functionId" ROWS UNBOUNDED PRECEDING) AS "cumulative",
          SUM(b."coldStarts") OVER (PARTITION BY b."start") AS "total"
        FROM "MetricBucket" b
        WHERE ${bucketsIn(window)} AND ${slice} AND b."coldStarts" > 0 AND b."initP95" IS NOT NULL
      ) w WHERE w."cumulative" >= 0.95 * w."total" GROUP BY w."start"`,
  ]);
  const p95ByHour = new Map(p95s.map((p) => [new Date(p.start).getTime(), toNumberOrNull(p.initP95)]));
  return sums.map((row) => {
    const start = new Date(row.start).getTime();
    const count = toNumber(row.coldStarts);
    return {
      start,
      invocations: toNumber(row.invocations),
      init: { count, avg: null, p95: p95ByHour.get(start) ?? null, max: null },
    };
  });
}

/**
 * A preset window's steps from the slice roll-ups (hours up to a week, days beyond), the slices of
 * each step merged as mergeBuckets does. Reads one row per slice and step, never a bucket.
 */
async function rolledUpSteps(db: Db, query: FleetQuery, scope: AccountScope, window: ViewWindow): Promise<FleetHour[]> {
  const rows = await db.$queryRaw<
    { start: Date | string; coldStarts: unknown; invocations: unknown; initP95: unknown }[]
  >(sliceStepsQuery(query, scope, window));
  return rows.map((row) => ({
    start: new Date(row.start).getTime(),
    invocations: toNumber(row.invocations),
    init: { count: toNumber(row.coldStarts), avg: null, p95: toNumberOrNull(row.initP95), max: null },
  }));
}

/** The SQL of a preset window's steps from the slice roll-ups (exported for the query-plan tests). */
export function sliceStepsQuery(query: FleetQuery, scope: AccountScope, window: ViewWindow): Prisma.Sql {
  const conditions = [
    Prisma.sql`s."resolution" = ${window.step === "hour" ? "1h" : "1d"}`,
    Prisma.sql`s."start" >= ${window.from}`,
    Prisma.sql`s."start" < ${window.to}`,
    ...scopeConditions(scope, "s"),
  ];
  if (query.account) conditions.push(Prisma.sql`s."accountId" = ${query.account}`);
  if (query.region) conditions.push(Prisma.sql`s."region" = ${query.region}`);
  if (query.packageType) conditions.push(Prisma.sql`s."packageType" = ${query.packageType}`);
  const p95 = weightedP95(Prisma.sql`s."start"`, Prisma.sql`s."id"`);
  return Prisma.sql`
    SELECT w."start", SUM(w."coldStarts") AS "coldStarts", SUM(w."invocations") AS "invocations", ${p95.outer} AS "initP95"
    FROM (
      SELECT s."start", s."coldStarts", s."invocations", s."initP95", ${p95.inner}
      FROM "SliceRollup" s WHERE ${Prisma.join(conditions, " AND ")}
    ) w GROUP BY w."start"`;
}

/** Hours summed into the window's steps (days for long windows). */
function stepsOf(hours: readonly FleetHour[], window: ViewWindow): Map<number, FleetHour> {
  return new Map(
    [...groupBySteps(hours, window)].map(([start, group]) => [
      start,
      {
        start,
        invocations: group.reduce((sum, h) => sum + h.invocations, 0),
        init: mergeBuckets(group.map((h) => h.init)),
      },
    ]),
  );
}

/** Cold starts, cold-start rate and init p95 per hour (windows up to a week) or per day. */
export async function fleetColdStarts(
  query: FleetQuery,
  options: { db?: Db; now?: Date; scope?: AccountScope } = {},
): Promise<ColdStartSeries> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const scope = options.scope ?? null;
  const window = resolveTimeRange(query, now);
  const size = stepMs(window.step);
  const preset = presetOf(query);
  const rollup = preset ? await freshSliceRollups(db, query, now) : null;
  // Preset windows read the slice roll-ups; custom windows read buckets, daily ones stitched in
  // where hourly retention ended. Either way the stored history bounds what is known.
  const read = await metricWindow(db, window);
  const [hours, collected] = await Promise.all([
    preset ? rolledUpSteps(db, query, scope, window) : fleetHours(db, sliceOf(query, scope), read.parts),
    fleetColdStartCoverage(db, sliceConditions(query, scope, "exclude"), window, size),
  ]);
  // Retention may have dropped the window's oldest buckets (past the daily roll-ups' reach).
  const coverage = withinHeld(collected, read.coverage.from);
  const steps = stepsOf(hours, window);
  // Collected from the first sight of the earliest function, or from an earlier hour that holds cold starts.
  const firstHour = hours.reduce((min, h) => (h.init.count > 0 ? Math.min(min, h.start) : min), Infinity);
  // Roll-ups of a day-step window hold days: no hour is known before the stored history starts.
  const heldFrom = read.coverage.from === null ? -Infinity : Date.parse(read.coverage.from);
  const knownFrom = Math.max(
    Math.min(coverage.from === null ? Infinity : Date.parse(coverage.from), firstHour),
    heldFrom,
  );
  if (Number.isFinite(knownFrom)) coverage.from = new Date(Math.max(knownFrom, window.from.getTime())).toISOString();
  const knownTo = coverage.to === null ? -Infinity : Date.parse(coverage.to);
  const points = bucketStarts(window).map((t): ColdStartPoint => {
    const step = steps.get(t);
    const known = t + size > knownFrom;
    const coldStarts = known ? (step?.init.count ?? 0) : null;
    const invocations = known ? (step?.invocations ?? 0) : null;
    return {
      t: new Date(t).toISOString(),
      coldStarts,
      invocations,
      coldStartRate: coldStarts === null || invocations === null ? null : coldStartRate(coldStarts, invocations),
      initP95Ms: step?.init.p95 ?? null,
      partial: known && (t < knownFrom || t + size > knownTo),
    };
  });
  const all = mergeBuckets(hours.map((h) => h.init));
  const invocations = hours.reduce((sum, h) => sum + h.invocations, 0);
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString(), step: window.step },
    coverage,
    points,
    totals: {
      coldStarts: all.count,
      invocations,
      coldStartRate: coldStartRate(all.count, invocations),
      initP95Ms: all.p95,
    },
    rollup,
  };
}
