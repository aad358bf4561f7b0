import "server-only";
import type { ReportHourlyBucket } from "@/lib/analysis/report/types";
import type { Db } from "../client";
import { METRIC_RESOLUTION } from "./metric-aggregates";

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
