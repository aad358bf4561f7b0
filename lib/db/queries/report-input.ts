import "server-only";
import { z } from "zod";
import type { BaseImageRelease } from "@/lib/analysis/lineage";
import type { ReportAlert, ReportFunction, ReportPollRun } from "@/lib/analysis/report/types";
import type { WeekColdStarts } from "@/lib/analysis/rules/facts";
import type { Severity } from "@/lib/analysis/rules/finding";
import type { StateInterval } from "@/lib/analysis/state-intervals";
import type { LocalDay } from "@/lib/analysis/weeks";
import type { Db } from "../client";
import { parseJsonColumn } from "./json-column";
import { coldStartsPerSpan } from "./metric-aggregates";
import { lastInvokedBefore, type Span, weekActivity } from "./report-activity";
import { imagesAt } from "./report-images";

export interface ReportRowsWindow {
  start: Date;
  /** min(now, week end): rows are read as they stood then. */
  asOf: Date;
  /** The week's local days that start before `asOf`. */
  days: readonly LocalDay[];
  /** The weeks before, most recent first, for cold-start regressions. */
  previousWeeks: readonly Span[];
  catalog: readonly BaseImageRelease[];
}

export type ReportRows = { functions: ReportFunction[]; alerts: ReportAlert[]; pollRuns: ReportPollRun[] };

const tagsColumn = z.record(z.string(), z.string()).catch({});
const callsColumn = z.record(z.string(), z.number()).catch({});

/** Everything one week's report is computed from, with a fixed number of grouped queries whatever the fleet size. */
export async function loadReportRows(db: Db, window: ReportRowsWindow): Promise<ReportRows> {
  const [functions, alerts, pollRuns] = await Promise.all([
    reportFunctions(db, window),
    reportAlerts(db, window),
    reportPollRuns(db, window),
  ]);
  return { functions, alerts, pollRuns };
}

/**
 * When the first collection of each account × region ended: what it found existed before ImageFleet
 * looked, so a report does not count it as new.
 */
async function firstCollectionEnds(db: Db): Promise<Map<string, Date>> {
  const firsts = await db.pollRun.groupBy({ by: ["accountId", "region"], _min: { startedAt: true } });
  const runs = await db.pollRun.findMany({
    where: { OR: firsts.map((f) => ({ accountId: f.accountId, region: f.region, startedAt: f._min.startedAt! })) },
    select: { accountId: true, region: true, startedAt: true, finishedAt: true },
  });
  return new Map(runs.map((run) => [`${run.accountId}/${run.region}`, run.finishedAt ?? run.startedAt]));
}

async function reportFunctions(db: Db, window: ReportRowsWindow): Promise<ReportFunction[]> {
  const { start, asOf } = window;
  const rows = await db.function.findMany({
    where: { firstSeenAt: { lt: asOf }, OR: [{ deletedAt: null }, { deletedAt: { gte: start } }] },
    select: {
      id: true,
      accountId: true,
      region: true,
      name: true,
      tags: true,
      packageType: true,
      runtime: true,
      firstSeenAt: true,
      deletedAt: true,
      lastInvokedAt: true,
      imageDigest: true,
    },
  });
  const week = { from: start, to: asOf };
  const [firstCollections, intervals, deploys, activity, previousWeeks, images] = await Promise.all([
    firstCollectionEnds(db),
    stateIntervalsIn(db, window),
    deploysIn(db, window),
    weekActivity(db, week, window.days),
    coldStartsPerSpan(db, window.previousWeeks),
    imagesAt(db, rows, window.catalog, asOf),
  ]);
  // Invoked since the week's end but not in it: their last invocation before it is further back.
  const quietInWeek = rows.filter(
    (row) => row.lastInvokedAt !== null && row.lastInvokedAt >= asOf && !activity.get(row.id)?.lastInvokedAt,
  );
  const lastInvokedEarlier = await lastInvokedBefore(
    db,
    quietInWeek.map((row) => row.id),
    start,
  );
  const noColdStarts: WeekColdStarts = { coldStarts: 0, invocations: 0, initP95Ms: null };

  return rows.map((row) => {
    const inWeek = activity.get(row.id);
    return {
      id: row.id,
      accountId: row.accountId,
      region: row.region,
      name: row.name,
      tags: parseJsonColumn(tagsColumn, row.tags),
      packageType: row.packageType,
      runtime: row.runtime,
      firstSeenAt: row.firstSeenAt,
      firstCollection: row.firstSeenAt <= (firstCollections.get(`${row.accountId}/${row.region}`) ?? new Date(0)),
      deletedAt: row.deletedAt,
      deploys: deploys.get(row.id) ?? [],
      stateIntervals: intervals.get(row.id) ?? [],
      dailyActivity: inWeek?.dailyActivity ?? [],
      initHours: inWeek?.initHours ?? [],
      lastInvokedAt:
        row.lastInvokedAt !== null && row.lastInvokedAt < asOf
          ? row.lastInvokedAt
          : (inWeek?.lastInvokedAt ?? lastInvokedEarlier.get(row.id) ?? null),
      image: images.get(row.id) ?? null,
      previousWeeks: previousWeeks.map((span) => span.get(row.id) ?? noColdStarts),
    };
  });
}

/** Intervals overlapping the window, and the one just before each transition in it. */
async function stateIntervalsIn(db: Db, { start, asOf }: ReportRowsWindow): Promise<Map<string, StateInterval[]>> {
  const rows = await db.stateInterval.findMany({
    where: { from: { lt: asOf }, OR: [{ to: null }, { to: { gte: start } }] },
    select: { functionId: true, state: true, reasonCode: true, reason: true, from: true, to: true },
  });
  return groupBy(
    rows,
    (row) => row.functionId,
    ({ functionId: _, ...interval }) => interval,
  );
}

async function deploysIn(db: Db, { start, asOf }: ReportRowsWindow): Promise<Map<string, Date[]>> {
  const rows = await db.configChange.findMany({
    where: { kind: "deployed", at: { gte: start, lt: asOf } },
    select: { functionId: true, at: true },
  });
  return groupBy(
    rows,
    (row) => row.functionId,
    (row) => row.at,
  );
}

/** Alerts open at some point of the window: opened before its end, not resolved before its start. */
async function reportAlerts(db: Db, { start, asOf }: ReportRowsWindow): Promise<ReportAlert[]> {
  const rows = await db.alert.findMany({
    where: { openedAt: { lt: asOf }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: start } }] },
    select: { id: true, rule: true, severity: true, functionId: true, team: true, openedAt: true, resolvedAt: true },
  });
  return rows.map((row) => ({ ...row, severity: row.severity as Severity }));
}

async function reportPollRuns(db: Db, { start, asOf }: ReportRowsWindow): Promise<ReportPollRun[]> {
  const rows = await db.pollRun.findMany({
    where: { startedAt: { gte: start, lt: asOf } },
    select: { startedAt: true, finishedAt: true, calls: true, throttles: true, errorCount: true },
  });
  return rows.map((row) => ({
    startedAt: row.startedAt,
    // A run still going at the window's end had not finished as of then.
    finishedAt: row.finishedAt !== null && row.finishedAt < asOf ? row.finishedAt : null,
    calls: Object.values(parseJsonColumn(callsColumn, row.calls)).reduce((sum, n) => sum + n, 0),
    throttles: row.throttles,
    errors: row.errorCount,
  }));
}

function groupBy<R, V>(rows: readonly R[], key: (row: R) => string, value: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row)) ?? [];
    group.push(value(row));
    groups.set(key(row), group);
  }
  return groups;
}

/** Whether any collection started before `at`: a week before the first poll has nothing to report. */
export async function collectedBefore(db: Db, at: Date): Promise<boolean> {
  return (await db.pollRun.count({ where: { startedAt: { lt: at } }, take: 1 })) > 0;
}
