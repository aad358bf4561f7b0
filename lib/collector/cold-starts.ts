import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import pLimit from "p-limit";
import type { BucketAggregate } from "@/lib/analysis/stats";
import { HOUR_MS } from "@/lib/analysis/time";
import { hasCode } from "@/lib/aws/errors";
import { filterLogEvents, MAX_LOG_GROUPS_PER_QUERY, MAX_QUERY_ROWS, runInsightsQuery } from "@/lib/aws/logs";
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
import { COLD_START_MAX_WINDOW_MS, FIRST_SIGHT_MS, floorToHour, groupByDate, windowStart } from "./time-windows";

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

/**
 * Cold starts from the logs, per function and hour, over the window since they were last
 * collected: one Insights query per ≤ 50 log groups, FilterLogEvents where the endpoint ignores
 * the query's aggregation.
 */
export async function collectColdStarts(
  logs: CloudWatchLogsClient,
  targets: readonly ColdStartTarget[],
  options: { now: Date; lookbackMs: number; concurrency: number },
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<ColdStartsResult> {
  const { now } = options;
  const result: ColdStartsResult = { buckets: [], collected: new Set(), shared: new Set() };
  const byGroup = new Map<string, ColdStartTarget[]>();
  for (const target of targets) {
    const members = byGroup.get(target.logGroup);
    if (members) members.push(target);
    else byGroup.set(target.logGroup, [target]);
  }
  const attributable: ColdStartTarget[] = [];
  for (const members of byGroup.values()) {
    if (members.length === 1) attributable.push(members[0]!);
    else for (const member of members) result.shared.add(member.id);
  }

  const rule = { lookbackMs: options.lookbackMs, firstSightMs: FIRST_SIGHT_MS, maxMs: COLD_START_MAX_WINDOW_MS };
  // Whole hours: each bin(1h) then covers its full hour and overwrites the stored one exactly.
  const windows = groupByDate(attributable, (t) => floorToHour(windowStart(t.coldStartsThrough, now, rule)));
  const limit = pLimit(options.concurrency);
  const jobs: Promise<void>[] = [];
  for (const [start, group] of windows) {
    const hours = Math.max(1, Math.ceil((now.getTime() - start) / HOUR_MS));
    const perQuery = Math.max(1, Math.min(MAX_LOG_GROUPS_PER_QUERY, Math.floor(MAX_QUERY_ROWS / hours)));
    for (let i = 0; i < group.length; i += perQuery) {
      const chunk = group.slice(i, i + perQuery);
      const window = { logGroups: chunk.map((t) => t.logGroup), start: new Date(start), end: now };
      jobs.push(
        limit(async () => {
          try {
            const aggregates = await aggregate(logs, window, signal);
            for (const target of chunk) {
              for (const [hour, bucket] of aggregates.get(target.logGroup) ?? []) {
                result.buckets.push(coldStartBucket(target.id, hour, bucket));
              }
              result.collected.add(target.id);
            }
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
async function aggregate(
  logs: CloudWatchLogsClient,
  window: Window,
  signal?: AbortSignal,
): Promise<ColdStartAggregates> {
  const halves = async () => {
    const half = Math.ceil(window.logGroups.length / 2);
    const [a, b] = await Promise.all([
      aggregate(logs, { ...window, logGroups: window.logGroups.slice(0, half) }, signal),
      aggregate(logs, { ...window, logGroups: window.logGroups.slice(half) }, signal),
    ]);
    return new Map([...a, ...b]);
  };
  let rows: Awaited<ReturnType<typeof runInsightsQuery>>;
  try {
    rows = await runInsightsQuery(
      logs,
      { ...window, logGroupNames: window.logGroups, query: COLD_START_STATS_QUERY },
      signal,
    );
  } catch (error) {
    if (!hasCode(error, "ResourceNotFoundException")) throw error;
    if (window.logGroups.length === 1) return new Map();
    return halves();
  }
  if (!isAggregated(rows)) return fromFilteredEvents(logs, window, signal);
  if (rows.length >= MAX_QUERY_ROWS && window.logGroups.length > 1) return halves();
  return aggregatesFromInsights(rows);
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
