import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import pLimit from "p-limit";
import type { BucketAggregate } from "@/lib/analysis/stats";
import { HOUR_MS } from "@/lib/analysis/time";
import { hasCode } from "@/lib/aws/errors";
import {
  filterLogEvents,
  type InsightsAnswer,
  MAX_LOG_GROUPS_PER_QUERY,
  MAX_QUERY_ROWS,
  runInsightsQuery,
} from "@/lib/aws/logs";
import type { BucketWrite } from "@/lib/db/writes/metric-buckets";
import {
  aggregatesFromEvents,
  aggregatesFromInsights,
  COLD_START_FILTER_PATTERN,
  COLD_START_STATS_QUERY,
  type ColdStartAggregates,
  isAggregated,
} from "./init-durations";
import { FailedCall, type PollErrors } from "./poll-errors";
import { coverageRestart, FIRST_SIGHT_MS, floorToHour, groupByDate, windowStart } from "./time-windows";

export interface ColdStartTarget {
  id: string;
  logGroup: string;
  coldStartsThrough: Date | null;
}

export interface ColdStartsResult {
  buckets: BucketWrite[];
  /** Functions whose window was collected up to now. */
  collected: Set<string>;
  /**
   * Functions sharing their log group with another function. Neither the REPORT line nor the JSON
   * platform.report record names the function, so their cold starts cannot be attributed: they
   * are left uncollected (unknown) rather than guessed.
   */
  shared: Set<string>;
}

interface Window {
  logGroups: string[];
  start: Date;
  end: Date;
}

/** Functions with a log group of their own: the only ones whose cold starts can be attributed. */
export function attributableTargets<T extends ColdStartTarget>(
  targets: readonly T[],
): { own: T[]; shared: Set<string> } {
  const byGroup = new Map<string, T[]>();
  for (const target of targets) {
    const members = byGroup.get(target.logGroup);
    if (members) members.push(target);
    else byGroup.set(target.logGroup, [target]);
  }
  const own: T[] = [];
  const shared = new Set<string>();
  for (const members of byGroup.values()) {
    if (members.length === 1) own.push(members[0]!);
    else for (const member of members) shared.add(member.id);
  }
  return { own, shared };
}

/**
 * Cold starts from the logs, per function and hour, over the window since they were last
 * collected: one Insights query per ≤ 50 log groups, FilterLogEvents where the endpoint ignores
 * the query's aggregation. Older history (first sight, after a gap) is the backfill's, under its
 * scan budget.
 */
export async function collectColdStarts(
  logs: CloudWatchLogsClient,
  targets: readonly ColdStartTarget[],
  options: { now: Date; lookbackMs: number; concurrency: number },
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<ColdStartsResult> {
  const { now } = options;
  const { own, shared } = attributableTargets(targets);
  // Whole hours: each bin(1h) then covers its full hour and overwrites the stored one exactly.
  const windows = [...groupByDate(own, (t) => coldStartWindowStart(t.coldStartsThrough, now, options.lookbackMs))].map(
    ([start, group]) => ({ targets: group, start: new Date(start), end: now }),
  );
  const queried = await queryColdStarts(logs, windows, options.concurrency, errors, signal);
  return { buckets: queried.buckets, collected: queried.collected, shared };
}

/** On first sight and after a gap, only the last FIRST_SIGHT_MS: anything older is backfill, under its scan budget. */
const freshWindow = (lookbackMs: number) => ({ lookbackMs, firstSightMs: FIRST_SIGHT_MS, maxMs: FIRST_SIGHT_MS });

/** Where a function's fresh cold-start window starts: since it was last collected, look-back included. */
function coldStartWindowStart(through: Date | null, now: Date, lookbackMs: number): Date {
  return floorToHour(windowStart(through, now, freshWindow(lookbackMs)));
}

/** Where a function's cold-start coverage restarts with this window (first sight, after a gap), else null. */
export function coldStartCoverageRestart(through: Date | null, now: Date, lookbackMs: number): Date | null {
  const start = coverageRestart(through, now, freshWindow(lookbackMs));
  return start && floorToHour(start);
}

export interface ColdStartQueryWindow {
  targets: readonly ColdStartTarget[];
  start: Date;
  end: Date;
}

export interface QueriedColdStarts {
  buckets: BucketWrite[];
  collected: Set<string>;
  /** Bytes the Insights queries reported scanning; null where an endpoint reported none (FilterLogEvents). */
  bytesScanned: number | null;
}

/** Cold starts of each window's functions (own log groups only), ≤ 50 log groups and ≤ 10,000 rows per query. */
export async function queryColdStarts(
  logs: CloudWatchLogsClient,
  windows: readonly ColdStartQueryWindow[],
  concurrency: number,
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<QueriedColdStarts> {
  const result: QueriedColdStarts = { buckets: [], collected: new Set(), bytesScanned: 0 };
  const limit = pLimit(concurrency);
  const jobs: Promise<void>[] = [];
  for (const { targets: group, start, end } of windows) {
    const hours = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / HOUR_MS));
    const perQuery = Math.max(1, Math.min(MAX_LOG_GROUPS_PER_QUERY, Math.floor(MAX_QUERY_ROWS / hours)));
    for (let i = 0; i < group.length; i += perQuery) {
      const chunk = group.slice(i, i + perQuery);
      const window = { logGroups: chunk.map((t) => t.logGroup), start, end };
      jobs.push(
        limit(async () => {
          try {
            const scanned = await aggregate(logs, window, signal);
            for (const target of chunk) {
              for (const [hour, bucket] of scanned.aggregates.get(target.logGroup) ?? []) {
                result.buckets.push(coldStartBucket(target.id, hour, bucket));
              }
              result.collected.add(target.id);
            }
            result.bytesScanned =
              result.bytesScanned === null || scanned.bytesScanned === null
                ? null
                : result.bytesScanned + scanned.bytesScanned;
          } catch (error) {
            if (signal?.aborted) throw error;
            errors.record(error instanceof FailedCall ? error.api : "logs:StartQuery", error);
          }
        }),
      );
    }
  }
  await Promise.all(jobs);
  return result;
}

function coldStartBucket(functionId: string, hour: number, bucket: BucketAggregate): BucketWrite {
  return {
    functionId,
    resolution: "1h",
    start: new Date(hour),
    values: { coldStarts: bucket.count, initAvg: bucket.avg, initP95: bucket.p95, initMax: bucket.max },
  };
}

/**
 * A log group that does not exist (a function never invoked has none) fails the whole query, and
 * a truncated answer loses rows: both halve the window's log groups until the query succeeds.
 */
async function aggregate(logs: CloudWatchLogsClient, window: Window, signal?: AbortSignal): Promise<Scanned> {
  const halves = async (spent: number): Promise<Scanned> => {
    const half = Math.ceil(window.logGroups.length / 2);
    const [a, b] = await Promise.all([
      aggregate(logs, { ...window, logGroups: window.logGroups.slice(0, half) }, signal),
      aggregate(logs, { ...window, logGroups: window.logGroups.slice(half) }, signal),
    ]);
    return {
      aggregates: new Map([...a.aggregates, ...b.aggregates]),
      bytesScanned: a.bytesScanned === null || b.bytesScanned === null ? null : spent + a.bytesScanned + b.bytesScanned,
    };
  };
  let answer: InsightsAnswer;
  try {
    answer = await runInsightsQuery(
      logs,
      { ...window, logGroupNames: window.logGroups, query: COLD_START_STATS_QUERY },
      signal,
    );
  } catch (error) {
    if (!hasCode(error, "ResourceNotFoundException")) throw error;
    if (window.logGroups.length === 1) return { aggregates: new Map(), bytesScanned: 0 };
    return halves(0);
  }
  const { rows, bytesScanned } = answer;
  if (!isAggregated(rows)) return { aggregates: await fromFilteredEvents(logs, window, signal), bytesScanned: null };
  if (rows.length >= MAX_QUERY_ROWS && window.logGroups.length > 1) return halves(bytesScanned);
  return { aggregates: aggregatesFromInsights(rows), bytesScanned };
}

interface Scanned {
  aggregates: ColdStartAggregates;
  bytesScanned: number | null;
}

async function fromFilteredEvents(logs: CloudWatchLogsClient, window: Window, signal?: AbortSignal) {
  const aggregates: ColdStartAggregates = new Map();
  for (const logGroupName of window.logGroups) {
    try {
      const events = await filterLogEvents(
        logs,
        { logGroupName, filterPattern: COLD_START_FILTER_PATTERN, start: window.start, end: window.end },
        signal,
      );
      aggregates.set(logGroupName, aggregatesFromEvents(events));
    } catch (error) {
      if (!hasCode(error, "ResourceNotFoundException")) throw new FailedCall("logs:FilterLogEvents", error);
    }
  }
  return aggregates;
}
