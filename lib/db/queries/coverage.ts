import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type CollectedSpan, type FleetCoverage, windowCoverage } from "@/lib/analysis/coverage";
import { LAST_INVOCATION_LOOKBACK_MS } from "@/lib/analysis/idle";
import { HOUR_MS } from "@/lib/analysis/time";
import type { Db } from "../client";
import { METRIC_RESOLUTION } from "./metric-aggregates";
import { toDate, toNumber } from "./sql";

/** What the database knows of a function's collection: enough to say from when its history is known. */
export interface CoverageFacts {
  id: string;
  firstSeenAt: Date;
  metricsThrough: Date | null;
  coldStartsThrough: Date | null;
}

/** The collected spans of one function: hourly metrics (invocations, errors, throttles) and cold starts (from logs). */
export interface CollectedSpans {
  metrics: CollectedSpan | null;
  coldStarts: CollectedSpan | null;
}

const floorToHour = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/**
 * Where a function's history starts. This is the one place that decides it: it is derived from what
 * the database holds, whatever the collector's look-back was, so it never claims more than is
 * proven. On first sight the collector reads from before the hour it first saw the function, and the
 * earliest bucket it wrote proves data from there on. (A per-function coverage-start column written
 * by the collector would replace the earliest-bucket read here, and only here.)
 */
function spanStart(firstSeenAt: Date, earliestBucket: Date | undefined): Date {
  const seen = floorToHour(firstSeenAt);
  return earliestBucket !== undefined && earliestBucket < seen ? earliestBucket : seen;
}

/** Collected spans of the given functions, by id; `null` spans for data never collected (all unknown). */
export async function collectedSpans(
  db: Db,
  functions: readonly CoverageFacts[],
): Promise<Map<string, CollectedSpans>> {
  const ids = functions.map((fn) => fn.id);
  const [metricStarts, coldStartStarts] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.metricBucket.groupBy({
            by: ["functionId"],
            where: { functionId: { in: ids }, resolution: METRIC_RESOLUTION },
            _min: { start: true },
          }),
          db.metricBucket.groupBy({
            by: ["functionId"],
            where: { functionId: { in: ids }, resolution: METRIC_RESOLUTION, coldStarts: { gt: 0 } },
            _min: { start: true },
          }),
        ]);
  const earliest = (rows: { functionId: string; _min: { start: Date | null } }[]) =>
    new Map(rows.flatMap((r) => (r._min.start ? [[r.functionId, r._min.start] as const] : [])));
  const metricsFrom = earliest(metricStarts);
  const coldStartsFrom = earliest(coldStartStarts);
  return new Map(
    functions.map((fn) => [
      fn.id,
      {
        metrics: fn.metricsThrough
          ? { from: spanStart(fn.firstSeenAt, metricsFrom.get(fn.id)), to: fn.metricsThrough }
          : null,
        coldStarts: fn.coldStartsThrough
          ? { from: spanStart(fn.firstSeenAt, coldStartsFrom.get(fn.id)), to: fn.coldStartsThrough }
          : null,
      },
    ]),
  );
}

/**
 * From when we know whether a function was invoked: on first sight the collector looks back
 * LAST_INVOCATION_LOOKBACK_MS for its last invocation, so once its metrics were collected, "no
 * invocation seen" means none since then; before that, only since first sight.
 */
export function invocationHistoryFrom(fn: Pick<CoverageFacts, "firstSeenAt" | "metricsThrough">): Date {
  if (fn.metricsThrough === null) return fn.firstSeenAt;
  return new Date(fn.firstSeenAt.getTime() - LAST_INVOCATION_LOOKBACK_MS);
}

/**
 * The cold-start coverage of a fleet slice (`conditions` on `Function f`), computed in SQL with the
 * rule of collectedSpans: a function covers the window when its cold starts were collected into the
 * window's last step and its history starts by the window's start (first sight, or an earlier bucket
 * with cold starts). One index seek per function, never a scan of the window's buckets.
 */
export async function fleetColdStartCoverage(
  db: Db,
  conditions: readonly Prisma.Sql[],
  window: { from: Date; to: Date },
  stepMs: number,
): Promise<FleetCoverage> {
  const lastStepStart = new Date(Math.floor((window.to.getTime() - 1) / stepMs) * stepMs);
  const where = conditions.length === 0 ? Prisma.empty : Prisma.sql`AND ${Prisma.join(conditions, " AND ")}`;
  const [row] = await db.$queryRaw<
    { functions: unknown; fullyCovered: unknown; firstSeen: Date | string | null; through: Date | string | null }[]
  >`
    SELECT COUNT(*) AS "functions",
      SUM(CASE WHEN f."coldStartsThrough" >= ${lastStepStart} AND (f."firstSeenAt" <= ${window.from} OR EXISTS (
        SELECT 1 FROM "MetricBucket" b WHERE b."functionId" = f."id" AND b."resolution" = ${METRIC_RESOLUTION}
          AND b."start" <= ${window.from} AND b."coldStarts" > 0)) THEN 1 ELSE 0 END) AS "fullyCovered",
      MIN(CASE WHEN f."coldStartsThrough" IS NOT NULL THEN f."firstSeenAt" END) AS "firstSeen",
      MAX(f."coldStartsThrough") AS "through"
    FROM "Function" f WHERE 1 = 1 ${where}`;
  const functions = toNumber(row?.functions);
  const fullyCovered = toNumber(row?.fullyCovered);
  const firstSeen = toDate(row?.firstSeen);
  const through = toDate(row?.through);
  const from = firstSeen === null ? null : floorToHour(firstSeen);
  return {
    ...windowCoverage(from && through ? { from, to: through } : null, window, stepMs),
    complete: functions > 0 && fullyCovered === functions,
    functions,
    fullyCovered,
  };
}
