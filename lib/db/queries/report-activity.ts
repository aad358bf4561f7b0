import "server-only";
import type { ReportHourlyBucket } from "@/lib/analysis/report/types";
import type { WeekColdStarts } from "@/lib/analysis/rules/facts";
import type { Db } from "../client";
import { initP95ByFunction, METRIC_RESOLUTION, totalsByFunction } from "./metric-aggregates";
import { toNumber, toNumberOrNull } from "./sql";

export interface Span {
  from: Date;
  to: Date;
}

/** The week's hourly buckets that saw anything, per function (empty hours add nothing to a report). */
export async function hourlyBucketsIn(db: Db, window: Span): Promise<Map<string, ReportHourlyBucket[]>> {
  const rows = await db.metricBucket.findMany({
    where: {
      resolution: METRIC_RESOLUTION,
      start: { gte: window.from, lt: window.to },
      OR: [{ invocations: { gt: 0 } }, { coldStarts: { gt: 0 } }],
    },
    select: {
      functionId: true,
      start: true,
      invocations: true,
      coldStarts: true,
      initAvg: true,
      initP95: true,
      initMax: true,
    },
  });
  const byFunction = new Map<string, ReportHourlyBucket[]>();
  for (const row of rows) {
    const buckets = byFunction.get(row.functionId) ?? [];
    buckets.push({
      start: row.start,
      invocations: row.invocations,
      coldStarts: row.coldStarts,
      initAvgMs: row.initAvg,
      initP95Ms: row.initP95,
      initMaxMs: row.initMax,
    });
    byFunction.set(row.functionId, buckets);
  }
  return byFunction;
}

/** Cold starts, invocations and merged init p95 per function in each span: two grouped queries per span. */
export async function coldStartsPerSpan(db: Db, spans: readonly Span[]): Promise<Map<string, WeekColdStarts>[]> {
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

/**
 * Start of each function's last hour with invocations before `asOf`. A function's stored
 * `lastInvokedAt` moves on after the week; the hour's start (not its end) errs towards warning early.
 */
export async function lastInvokedBefore(db: Db, asOf: Date): Promise<Map<string, Date>> {
  const rows = await db.metricBucket.groupBy({
    by: ["functionId"],
    where: { resolution: METRIC_RESOLUTION, start: { lt: asOf }, invocations: { gt: 0 } },
    _max: { start: true },
  });
  return new Map(rows.flatMap((row) => (row._max.start === null ? [] : [[row.functionId, row._max.start] as const])));
}
