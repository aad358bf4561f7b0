import type { ColdStartPoint, ColdStartSeries } from "@/lib/contracts/fleet";
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AccountScope } from "@/lib/analysis/scope";
import { type BucketAggregate, coldStartRate, mergeBuckets } from "@/lib/analysis/stats";
import { resolveTimeRange, type ViewWindow } from "@/lib/analysis/time-window";
import type { FleetQuery } from "@/lib/contracts/fleet-query";
import { type Db, db as defaultDb } from "../client";
import { functionConditions } from "./function-filter";
import { bucketsIn } from "./metric-aggregates";
import { bucketStarts, groupBySteps } from "./series";
import { toNumber, toNumberOrNull } from "./sql";

/** Buckets of the functions in the overview's slice (deleted ones included: their past happened). */
function sliceOf(query: FleetQuery, scope: AccountScope): Prisma.Sql {
  const conditions = functionConditions(
    { account: query.account, region: query.region, packageType: query.packageType, deleted: "include", scope },
    new Date(),
  );
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
async function fleetHours(db: Db, slice: Prisma.Sql, window: ViewWindow): Promise<FleetHour[]> {
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
  const window = resolveTimeRange(query, options.now);
  const hours = await fleetHours(options.db ?? defaultDb, sliceOf(query, options.scope ?? null), window);
  const steps = stepsOf(hours, window);
  const points = bucketStarts(window).map((t): ColdStartPoint => {
    const step = steps.get(t);
    const coldStarts = step?.init.count ?? 0;
    const invocations = step?.invocations ?? 0;
    return {
      t: new Date(t).toISOString(),
      coldStarts,
      invocations,
      coldStartRate: coldStartRate(coldStarts, invocations),
      initP95Ms: step?.init.p95 ?? null,
    };
  });
  const all = mergeBuckets(hours.map((h) => h.init));
  const invocations = hours.reduce((sum, h) => sum + h.invocations, 0);
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString(), step: window.step },
    points,
    totals: {
      coldStarts: all.count,
      invocations,
      coldStartRate: coldStartRate(all.count, invocations),
      initP95Ms: all.p95,
    },
  };
}
