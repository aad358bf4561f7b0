import "server-only";
import { type StateSince, stateSince } from "@/lib/analysis/state-since";
import { DAY_MS } from "@/lib/analysis/time";
import type { Db } from "../client";
import { METRIC_RESOLUTION } from "./metric-aggregates";

/** How far back a Failed function's errors are read for the onset of its failure: the hourly history a first sight reads. */
const FAILURE_ONSET_LOOKBACK_MS = 30 * DAY_MS;

interface StateFacts {
  id: string;
  state: string | null;
  lastUpdateStatus: string | null;
  lastModified: Date;
}

/** Since when each function is in its current state (lib/analysis/state-since), by id; absent while its state is unknown. */
export async function statesSince(db: Db, functions: readonly StateFacts[]): Promise<Map<string, StateSince>> {
  const known = functions.filter((fn) => fn.state !== null);
  if (known.length === 0) return new Map();
  const ids = known.map((fn) => fn.id);
  const [open, firsts] = await Promise.all([
    db.stateInterval.findMany({ where: { functionId: { in: ids }, to: null }, orderBy: { from: "asc" } }),
    db.stateInterval.groupBy({ by: ["functionId"], where: { functionId: { in: ids } }, _min: { from: true } }),
  ]);
  const openById = new Map(open.map((interval) => [interval.functionId, interval]));
  const firstFrom = new Map(firsts.map((row) => [row.functionId, row._min.from?.getTime()]));
  const firstInterval = (id: string) => firstFrom.get(id) === openById.get(id)?.from.getTime();

  const result = new Map<string, StateSince>();
  for (const fn of known) {
    const interval = openById.get(fn.id);
    if (!interval) continue;
    const first = firstInterval(fn.id);
    // Only a Failed function first seen so needs its history: the onset of its errors dates the failure.
    const hours =
      first && interval.state === "Failed"
        ? await db.metricBucket.findMany({
            where: {
              functionId: fn.id,
              resolution: METRIC_RESOLUTION,
              start: { gte: new Date(interval.from.getTime() - FAILURE_ONSET_LOOKBACK_MS) },
            },
            select: { start: true, invocations: true, errors: true },
          })
        : [];
    result.set(
      fn.id,
      stateSince({
        state: interval.state,
        intervalFrom: interval.from,
        firstInterval: first,
        lastUpdateStatus: fn.lastUpdateStatus,
        lastModified: fn.lastModified,
        hours: hours.map((h) => ({ start: h.start.getTime(), invocations: h.invocations, errors: h.errors })),
      }),
    );
  }
  return result;
}
