import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { WeekColdStarts } from "@/lib/analysis/rules/facts";
import type { ViewWindow } from "@/lib/analysis/time-window";
import type { Db } from "../client";
import { toNumber, toNumberOrNull } from "./sql";

/** Pages read hourly buckets: kept for the whole history, unlike 5-minute ones. */
export const METRIC_RESOLUTION = "1h";

/**
 * The window's buckets. `perFunction` is for reads of a few functions' buckets: SQLite, without
 * statistics, would rather scan the window of the (resolution, start, …) covering index once per
 * function than seek each function's key; comparing `resolution || ''` takes that index out of the
 * running (PostgreSQL plans by its statistics either way).
 */
export function bucketsIn(window: Pick<ViewWindow, "from" | "to">, { perFunction = false } = {}): Prisma.Sql {
  const resolution = perFunction ? Prisma.sql`b."resolution" || ''` : Prisma.sql`b."resolution"`;
  return Prisma.sql`${resolution} = ${METRIC_RESOLUTION} AND b."start" >= ${window.from} AND b."start" < ${window.to}`;
}

/** Condition on `MetricBucket b`: the window's buckets, of every function or only of `functionIds` (one table page). */
function bucketsOf(window: Pick<ViewWindow, "from" | "to">, functionIds?: readonly string[]): Prisma.Sql {
  if (functionIds === undefined) return bucketsIn(window);
  return Prisma.sql`${bucketsIn(window, { perFunction: true })} AND b."functionId" IN (${Prisma.join(functionIds)})`;
}

/** Per function: sums over the window's buckets. */
export function totalsByFunction(window: Pick<ViewWindow, "from" | "to">, functionIds?: readonly string[]) {
  return Prisma.sql`SELECT b."functionId", SUM(b."coldStarts") AS "coldStarts", SUM(b."invocations") AS "invocations"
    FROM "MetricBucket" b WHERE ${bucketsOf(window, functionIds)} GROUP BY b."functionId"`;
}

/**
 * Per function: init duration p95 over the window, merged from bucket p95s exactly as
 * `mergeBuckets` (lib/analysis/stats.ts) does: the count-weighted nearest-rank p95 of the bucket
 * p95s. Done in SQL so a page never loads every bucket of the window.
 */
export function initP95ByFunction(window: Pick<ViewWindow, "from" | "to">, functionIds?: readonly string[]) {
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
  window: Pick<ViewWindow, "from" | "to">,
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
  spans: readonly Pick<ViewWindow, "from" | "to">[],
): Promise<Map<string, WeekColdStarts>[]> {
  return Promise.all(
    spans.map(async (span) => {
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
