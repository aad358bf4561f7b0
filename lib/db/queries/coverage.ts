import "server-only";
import type { CollectedSpan } from "@/lib/analysis/coverage";
import { LAST_INVOCATION_LOOKBACK_DAYS } from "@/lib/analysis/idle";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import type { Db } from "../client";
import { METRIC_RESOLUTION } from "./metric-aggregates";

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
 * LAST_INVOCATION_LOOKBACK_DAYS for its last invocation, so once its metrics were collected, "no
 * invocation seen" means none since then; before that, only since first sight.
 */
export function invocationHistoryFrom(fn: Pick<CoverageFacts, "firstSeenAt" | "metricsThrough">): Date {
  if (fn.metricsThrough === null) return fn.firstSeenAt;
  return new Date(fn.firstSeenAt.getTime() - LAST_INVOCATION_LOOKBACK_DAYS * DAY_MS);
}
