import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { WeekColdStarts } from "@/lib/analysis/rules/facts";
import type { Db } from "../client";
import { type MetricWindow, metricWindow, type ResolutionPart } from "./metric-resolution";
import { toNumber, toNumberOrNull } from "./sql";

/**
 * The hourly resolution, for reads that need the hour itself (a last invoked hour, a failure's
 * onset); a window's figures read the finest resolution retention keeps (`metricWindow`).
 */
export const METRIC_RESOLUTION = "1h";

/** Every resolution a window's figures may come from: hourly, then daily roll-ups past hourly retention. */
export const WINDOW_RESOLUTIONS = ["1h", "1d"];

/** A window's buckets to read: each part at the finest resolution retention still keeps (./metric-resolution.ts). */
export type BucketParts = readonly ResolutionPart[];

/**
 * The window's buckets. `perFunction` is for reads of a few functions' buckets: SQLite, without
 * statistics, would rather scan the window of the (resolution, start, …) covering index once per
 * function than seek each function's key; comparing `resolution || ''` takes that index out of the
 * running (PostgreSQL plans by its statistics either way).
 */
export function bucketsIn(parts: BucketParts, { perFunction = false } = {}): Prisma.Sql {
  const resolution = perFunction ? Prisma.sql`b."resolution" || ''` : Prisma.sql`b."resolution"`;
  const conditions = parts.map(
    (part) => Prisma.sql`${resolution} = ${part.resolution} AND b."start" >= ${part.from} AND b."start" < ${part.to}`,
  );
  return conditions.length === 1 ? conditions[0]! : Prisma.sql`((${Prisma.join(conditions, ") OR (")}))`;
}

/** Condition on `MetricBucket b`: the window's buckets, of every function or only of `functionIds` (one table page). */
function bucketsOf(window: BucketParts, functionIds?: readonly string[]): Prisma.Sql {
  if (functionIds === undefined) return bucketsIn(window);
  return Prisma.sql`${bucketsIn(window, { perFunction: true })} AND b."functionId" IN (${Prisma.join(functionIds)})`;
}

/** Per function: sums over the window's buckets. */
export function totalsByFunction(window: BucketParts, functionIds?: readonly string[]) {
  return Prisma.sql`SELECT b."functionId", SUM(b."coldStarts") AS "coldStarts", SUM(b."invocations") AS "invocations"
    FROM "MetricBucket" b WHERE ${bucketsOf(window, functionIds)} GROUP BY b."functionId"`;
}

/**
 * Per function: init duration p95 over the window, merged from bucket p95s exactly as
 * `mergeBuckets` (lib/analysis/stats.ts) does: the count-weighted nearest-rank p95 of the bucket
 * p95s. Done in SQL so a page never loads every bucket of the window.
 */
export function initP95ByFunction(window: BucketParts, functionIds?: readonly string[]) {
  return Prisma.sql`SELECT w."functionId", MIN(w."initP95") AS "initP95" FROM (
      SELECT b."functionId", b."initP95",
        SUM(b."coldStarts") OVER (PARTITION BY b."functionId" ORDER BY b."initP95", b."start" ROWS UNBOUNDED PRECEDING) AS "cumulative",
        SUM(b."coldStarts") OVER (PARTITION BY b."functionId") AS "total"
      FROM "MetricBucket" b
      WHERE ${bucketsOf(window, functionIds)} AND b."coldStarts" > 0 AND b."initP95" IS NOT NULL
    ) w WHERE w."cumulative" >= 0.95 * w."total" GROUP BY w."functionId"`;
}

export interface FunctionMetrics {
  coldStarts: number;
  invocations: number;
  initP95: number | null;
}

/** Metrics of a known set of functions (one table page): two grouped queries, not one per function. */
export async function metricsOf(
  db: Db,
  functionIds: readonly string[],
  window: BucketParts,
): Promise<Map<string, FunctionMetrics>> {
  const metrics = new Map<string, FunctionMetrics>();
  if (functionIds.length === 0) return metrics;
  const [totals, p95s] = await Promise.all([
    db.$queryRaw<{ functionId: string; coldStarts: unknown; invocations: unknown }[]>(
      totalsByFunction(window, functionIds),
    ),
    db.$queryRaw<{ functionId: string; initP95: unknown }[]>(initP95ByFunction(window, functionIds)),
  ]);
  for (const t of totals) {
    metrics.set(t.functionId, {
      coldStarts: toNumber(t.coldStarts),
      invocations: toNumber(t.invocations),
      initP95: null,
    });
  }
  for (const p of p95s) {
    const entry = metrics.get(p.functionId);
    if (entry) entry.initP95 = toNumberOrNull(p.initP95);
  }
  return metrics;
}

/** Cold starts, invocations and merged init p95 per function in each span: two grouped queries per span. */
export async function coldStartsPerSpan(
  db: Db,
  spans: readonly Pick<MetricWindow["parts"][number], "from" | "to">[],
): Promise<Map<string, WeekColdStarts>[]> {
  return Promise.all(
    spans.map(async (window) => {
      const span = (await metricWindow(db, window)).parts;
      const [totals, p95s] = await Promise.all([
        db.$queryRaw<{ functionId: string; coldStarts: unknown; invocations: unknown }[]>(totalsByFunction(span)),
        db.$queryRaw<{ functionId: string; initP95: unknown }[]>(initP95ByFunction(span)),
      ]);
      const p95 = new Map(p95s.map((row) => [row.functionId, toNumberOrNull(row.initP95)]));
      return new Map(
        totals.map((row) => [
          row.functionId,
          {
            coldStarts: toNumber(row.coldStarts),
            invocations: toNumber(row.invocations),
            initP95Ms: p95.get(row.functionId) ?? null,
          },
        ]),
      );
    }),
  );
}
