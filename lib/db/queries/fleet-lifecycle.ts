import { CHARTED_STATES, type ChartedState, type LifecyclePoint, type LifecycleSeries } from "@/lib/contracts/fleet";
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AccountScope } from "@/lib/analysis/scope";
import { type MemberInterval, stateCountsAt } from "@/lib/analysis/state-intervals";
import { resolveTimeRange, stepMs, type ViewWindow } from "@/lib/analysis/time-window";
import type { FleetQuery } from "@/lib/contracts/fleet-query";
import { type Db, db as defaultDb } from "../client";
import { functionConditions } from "./function-filter";
import { bucketStarts } from "./series";
import { bucketOf, bucketStartIso, toDate } from "./sql";

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
async function lastSnapshots(db: Db, query: FleetQuery, window: ViewWindow): Promise<SnapshotRow[]> {
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

function addCount(point: LifecyclePoint, state: string, n: number) {
  const key = (CHARTED_STATES as readonly string[]).includes(state) ? (state as ChartedState) : "Other";
  point[key] += n;
}

const seriesOf = (window: ViewWindow, points: LifecyclePoint[]): LifecycleSeries => ({
  window: { from: window.from.toISOString(), to: window.to.toISOString(), step: window.step },
  points,
});

/**
 * A restricted user's counts come from the state history of the functions they may see (snapshots
 * count whole account × regions): each bucket shows the states at its end, as its last snapshot would.
 */
async function scopedLifecycle(
  db: Db,
  query: FleetQuery,
  window: ViewWindow,
  scope: NonNullable<AccountScope>,
  now: Date,
): Promise<LifecycleSeries> {
  const slice = { account: query.account, region: query.region, packageType: query.packageType, scope };
  const conditions = functionConditions({ ...slice, deleted: "include" }, now);
  const intervals = await db.$queryRaw<MemberInterval[]>`
    SELECT si."state", si."from", si."to", f."deletedAt" FROM "StateInterval" si
    JOIN "Function" f ON f."id" = si."functionId"
    WHERE ${Prisma.join(conditions, " AND ")} AND si."from" < ${window.to} AND (si."to" IS NULL OR si."to" > ${window.from})`;
  const dated = intervals.map((i) => ({
    ...i,
    from: new Date(i.from),
    to: toDate(i.to),
    deletedAt: toDate(i.deletedAt),
  }));
  const starts = bucketStarts(window);
  const size = stepMs(window.step);
  const ends = starts.map((t) => new Date(Math.min(t + size, now.getTime()) - 1));
  const points = stateCountsAt(dated, ends).map((counts, i) => {
    const point = emptyPoint(starts[i]!);
    for (const [state, n] of counts) addCount(point, state, n);
    return point;
  });
  return seriesOf(window, points);
}

/**
 * Function counts by state over time. Each account × region polls on its own schedule, so a
 * bucket sums, per account × region, its last snapshot in that bucket — or, when it did not poll
 * then, its latest earlier one (what we knew at the time).
 */
export async function fleetLifecycle(
  query: FleetQuery,
  options: { db?: Db; now?: Date; scope?: AccountScope } = {},
): Promise<LifecycleSeries> {
  const now = options.now ?? new Date();
  const window = resolveTimeRange(query, now);
  const db = options.db ?? defaultDb;
  if (options.scope) return scopedLifecycle(db, query, window, options.scope, now);
  const rows = await lastSnapshots(db, query, window);

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
      for (const [state, n] of current ?? []) addCount(point, state, n);
    }
  }
  return seriesOf(window, points);
}
