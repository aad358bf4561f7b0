import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { FunctionState } from "@/lib/analysis/types";
import type { FleetQuery } from "@/lib/url-state/fleet-view";
import { resolveTimeRange, type TimeWindow } from "@/lib/url-state/time-range";
import { type Db, db as defaultDb } from "../client";
import { bucketStarts } from "./series";
import { bucketOf, bucketStartIso } from "./sql";

/** The states the chart stacks; every other observed state (the enum is open) is summed as Other. */
export const CHARTED_STATES = [
  FunctionState.Active,
  FunctionState.Pending,
  FunctionState.Inactive,
  FunctionState.Failed,
] as const;
export type ChartedState = (typeof CHARTED_STATES)[number];

export type LifecyclePoint = { t: string } & Record<ChartedState | "Other", number>;

export interface LifecycleSeries {
  window: { from: string; to: string; step: TimeWindow["step"] };
  points: LifecyclePoint[];
}

interface SnapshotRow {
  accountId: string;
  region: string;
  bucket: Date | string | null;
  packageType: string;
  state: string;
  count: unknown;
}

function snapshotConditions(query: FleetQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.account) conditions.push(Prisma.sql`s."accountId" = ${query.account}`);
  if (query.region) conditions.push(Prisma.sql`s."region" = ${query.region}`);
  return conditions;
}

/**
 * Rows of the last snapshot each account × region took in each bucket of the window, plus the
 * last one before the window (bucket null) so the chart starts from the state the fleet was in.
 */
async function lastSnapshots(db: Db, query: FleetQuery, window: TimeWindow): Promise<SnapshotRow[]> {
  const scope = snapshotConditions(query);
  const and = (extra: Prisma.Sql[]) => Prisma.join([...scope, ...extra], " AND ");
  const packageType = query.packageType ? Prisma.sql`AND s."packageType" = ${query.packageType}` : Prisma.empty;
  const inWindow = db.$queryRaw<SnapshotRow[]>`
    SELECT s."accountId", s."region", l."bucket", s."packageType", s."state", s."count"
    FROM "FleetSnapshot" s
    JOIN (
      SELECT s."accountId", s."region", ${bucketOf(Prisma.sql`s."at"`, window.step)} AS "bucket", MAX(s."at") AS "at"
      FROM "FleetSnapshot" s WHERE ${and([Prisma.sql`s."at" >= ${window.from}`, Prisma.sql`s."at" < ${window.to}`])}
      GROUP BY s."accountId", s."region", ${bucketOf(Prisma.sql`s."at"`, window.step)}
    ) l ON l."accountId" = s."accountId" AND l."region" = s."region" AND l."at" = s."at"
    WHERE 1 = 1 ${packageType}`;
  const before = db.$queryRaw<SnapshotRow[]>`
    SELECT s."accountId", s."region", NULL AS "bucket", s."packageType", s."state", s."count"
    FROM "FleetSnapshot" s
    JOIN (
      SELECT s."accountId", s."region", MAX(s."at") AS "at"
      FROM "FleetSnapshot" s WHERE ${and([Prisma.sql`s."at" < ${window.from}`])}
      GROUP BY s."accountId", s."region"
    ) l ON l."accountId" = s."accountId" AND l."region" = s."region" AND l."at" = s."at"
    WHERE 1 = 1 ${packageType}`;
  const [inside, earlier] = await Promise.all([inWindow, before]);
  return [...earlier, ...inside];
}

function emptyPoint(t: number): LifecyclePoint {
  return { t: new Date(t).toISOString(), Active: 0, Pending: 0, Inactive: 0, Failed: 0, Other: 0 };
}

/**
 * Function counts by state over time. Each account × region polls on its own schedule, so a
 * bucket sums, per account × region, its last snapshot in that bucket — or, when it did not poll
 * then, its latest earlier one (what we knew at the time).
 */
export async function fleetLifecycle(
  query: FleetQuery,
  options: { db?: Db; now?: Date } = {},
): Promise<LifecycleSeries> {
  const window = resolveTimeRange(query, options.now);
  const rows = await lastSnapshots(options.db ?? defaultDb, query, window);

  const counts = new Map<string, Map<number | "before", Map<string, number>>>();
  for (const row of rows) {
    const scope = `${row.accountId}/${row.region}`;
    const when = row.bucket === null ? "before" : Date.parse(bucketStartIso(row.bucket));
    const byBucket = counts.get(scope) ?? new Map();
    counts.set(scope, byBucket);
    const byState = byBucket.get(when) ?? new Map<string, number>();
    byBucket.set(when, byState);
    byState.set(row.state, (byState.get(row.state) ?? 0) + Number(row.count));
  }

  const points = bucketStarts(window).map(emptyPoint);
  for (const byBucket of counts.values()) {
    let current = byBucket.get("before");
    for (const point of points) {
      current = byBucket.get(Date.parse(point.t)) ?? current;
      for (const [state, n] of current ?? []) {
        const key = (CHARTED_STATES as readonly string[]).includes(state) ? (state as ChartedState) : "Other";
        point[key] += n;
      }
    }
  }
  return { window: { from: window.from.toISOString(), to: window.to.toISOString(), step: window.step }, points };
}
