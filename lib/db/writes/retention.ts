// Applies the retention policy: hourly buckets roll up into daily ones, then rows past their
// age go, and old fleet snapshots are thinned. Safe to run repeatedly (daily rows are rebuilt
// from hourly ones, never added to).
import {
  type MetricTotals,
  type RetentionPolicy,
  retentionCutoffs,
  rollUp,
  snapshotsToThin,
  startOfUtcDay,
} from "@/lib/analysis/retention";
import { DAY_MS } from "@/lib/analysis/time";
import type { Db } from "@/lib/db/client";
import { chunks, writeTransaction } from "./transaction";

export interface RetentionResult {
  daysRolledUp: number;
  dailyRows: number;
  deleted: { fiveMinute: number; hourly: number; daily: number; snapshots: number; pollRuns: number };
}

/** Late data can still land in the last hours of a closed day: rebuild the most recent days. */
const REBUILD_RECENT_DAYS = 2;

const TOTALS = {
  invocations: true,
  errors: true,
  throttles: true,
  durationAvg: true,
  durationP95: true,
  concurrencyMax: true,
  coldStarts: true,
  initAvg: true,
  initP95: true,
  initMax: true,
} as const;

async function rollUpDay(db: Db, day: Date): Promise<number> {
  const hourly = await db.metricBucket.findMany({
    where: { resolution: "1h", start: { gte: day, lt: new Date(day.getTime() + DAY_MS) } },
    select: { functionId: true, ...TOTALS },
  });
  const byFunction = new Map<string, MetricTotals[]>();
  for (const { functionId, ...totals } of hourly) {
    const list = byFunction.get(functionId) ?? [];
    list.push(totals);
    byFunction.set(functionId, list);
  }
  const rows = [...byFunction].map(([functionId, buckets]) => ({
    functionId,
    resolution: "1d",
    start: day,
    ...rollUp(buckets),
  }));
  await writeTransaction(db, async (tx) => {
    await tx.metricBucket.deleteMany({ where: { resolution: "1d", start: day } });
    for (const chunk of chunks(rows)) await tx.metricBucket.createMany({ data: chunk });
  });
  return rows.length;
}

/** Closed days whose daily rows are missing or may be stale. */
async function daysToRollUp(db: Db, now: Date): Promise<Date[]> {
  const [firstHourly, lastDaily] = await Promise.all([
    db.metricBucket.findFirst({ where: { resolution: "1h" }, orderBy: { start: "asc" }, select: { start: true } }),
    db.metricBucket.findFirst({ where: { resolution: "1d" }, orderBy: { start: "desc" }, select: { start: true } }),
  ]);
  if (!firstHourly) return [];
  const today = startOfUtcDay(now).getTime();
  const fromRecent = lastDaily ? lastDaily.start.getTime() - (REBUILD_RECENT_DAYS - 1) * DAY_MS : 0;
  const days: Date[] = [];
  for (let t = Math.max(startOfUtcDay(firstHourly.start).getTime(), fromRecent); t < today; t += DAY_MS) {
    days.push(new Date(t));
  }
  return days;
}

async function thinSnapshots(db: Db, now: Date, policy: RetentionPolicy): Promise<number> {
  const olderThan = new Date(now.getTime() - policy.snapshotsAllDays * DAY_MS);
  const instants = await db.fleetSnapshot.findMany({
    where: { at: { lt: olderThan } },
    distinct: ["at"],
    select: { at: true },
  });
  let deleted = 0;
  for (const chunk of chunks(
    snapshotsToThin(
      instants.map((s) => s.at),
      now,
      policy,
    ),
  )) {
    deleted += (await db.fleetSnapshot.deleteMany({ where: { at: { in: chunk } } })).count;
  }
  return deleted;
}

export async function applyRetention(db: Db, now: Date, policy: RetentionPolicy): Promise<RetentionResult> {
  const days = await daysToRollUp(db, now);
  let dailyRows = 0;
  for (const day of days) dailyRows += await rollUpDay(db, day);

  const cutoff = retentionCutoffs(now, policy);
  const purge = (resolution: string, before: Date) =>
    db.metricBucket.deleteMany({ where: { resolution, start: { lt: before } } }).then((r) => r.count);
  return {
    daysRolledUp: days.length,
    dailyRows,
    deleted: {
      fiveMinute: await purge("5m", cutoff.fiveMinute),
      hourly: await purge("1h", cutoff.hourly),
      daily: await purge("1d", cutoff.daily),
      snapshots: await thinSnapshots(db, now, policy),
      pollRuns: (await db.pollRun.deleteMany({ where: { startedAt: { lt: cutoff.pollRuns } } })).count,
    },
  };
}
