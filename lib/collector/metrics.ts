import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { LAST_INVOCATION_LOOKBACK_MS } from "@/lib/analysis/idle";
import { HOUR_MS } from "@/lib/analysis/time";
import { getMetricData, type MetricQuery, type MetricSeries } from "@/lib/aws/cloudwatch";
import { isThrottle } from "@/lib/aws/errors";
import type { BucketValues, BucketWrite, Resolution } from "@/lib/db/writes/metric-buckets";
import { log } from "@/lib/log";
import type { PollErrors } from "./poll-errors";
import {
  FIRST_SIGHT_MS,
  FIVE_MINUTE_FIRST_SIGHT_MS,
  FIVE_MINUTE_RETENTION_MS,
  FIVE_MINUTES_MS,
  floorTo,
  groupByDate,
  type WindowRule,
  windowStart,
} from "./time-windows";

const METRICS = [
  { column: "invocations", metricName: "Invocations", stat: "Sum" },
  { column: "errors", metricName: "Errors", stat: "Sum" },
  { column: "throttles", metricName: "Throttles", stat: "Sum" },
  { column: "durationAvg", metricName: "Duration", stat: "Average" },
  { column: "durationP95", metricName: "Duration", stat: "p95" },
  { column: "concurrencyMax", metricName: "ConcurrentExecutions", stat: "Maximum" },
] as const satisfies readonly { column: keyof BucketValues; metricName: string; stat: string }[];

/** Each resolution's period, and how far back it is read for a function seen for the first time. */
const RESOLUTIONS = [
  {
    resolution: "5m",
    periodMs: FIVE_MINUTES_MS,
    window: { firstSightMs: FIVE_MINUTE_FIRST_SIGHT_MS, maxMs: FIVE_MINUTE_RETENTION_MS },
  },
  { resolution: "1h", periodMs: HOUR_MS, window: { firstSightMs: FIRST_SIGHT_MS, maxMs: LAST_INVOCATION_LOOKBACK_MS } },
] as const satisfies readonly { resolution: Resolution; periodMs: number; window: Omit<WindowRule, "lookbackMs"> }[];

export interface MetricTarget {
  id: string;
  name: string;
  metricsThrough: Date | null;
  lastInvokedAt: Date | null;
}

export interface MetricsResult {
  buckets: BucketWrite[];
  /** Functions whose last invocation moved later. */
  lastInvokedAt: Map<string, Date>;
  /** Functions whose window was collected up to now. */
  collected: Set<string>;
}

const isPercentile = (stat: string) => /^p\d/.test(stat);

/** Endpoints (clients) that refused percentile statistics: collected without p95 from then on. */
const refusesPercentiles = new WeakSet<CloudWatchClient>();

async function fetchSeries(
  cloudwatch: CloudWatchClient,
  request: { queries: MetricQuery[]; start: Date; end: Date },
  signal?: AbortSignal,
): Promise<Map<string, MetricSeries>> {
  const withoutPercentiles = request.queries.filter((query) => !isPercentile(query.stat));
  if (refusesPercentiles.has(cloudwatch))
    return getMetricData(cloudwatch, { ...request, queries: withoutPercentiles }, signal);
  try {
    return await getMetricData(cloudwatch, request, signal);
  } catch (error) {
    if (signal?.aborted || isThrottle(error) || withoutPercentiles.length === request.queries.length) throw error;
    const series = await getMetricData(cloudwatch, { ...request, queries: withoutPercentiles }, signal);
    refusesPercentiles.add(cloudwatch);
    log.warn(
      { error: (error as Error).message },
      "CloudWatch endpoint refuses percentile statistics; collecting without p95",
    );
    return series;
  }
}

function lambdaMetric(
  id: string,
  functionName: string,
  metricName: string,
  stat: string,
  periodMs: number,
): MetricQuery {
  return {
    id,
    namespace: "AWS/Lambda",
    metricName,
    dimensions: { FunctionName: functionName },
    periodSeconds: periodMs / 1000,
    stat,
  };
}

/** Datapoints of one function's queries (ids `<prefix><metric index>`), merged into buckets by start. */
function bucketsOf(series: Map<string, MetricSeries>, prefix: string, periodMs: number): Map<number, BucketValues> {
  const buckets = new Map<number, BucketValues>();
  METRICS.forEach((metric, m) => {
    const points = series.get(`${prefix}${m}`);
    points?.timestamps.forEach((timestamp, p) => {
      const start = floorTo(timestamp, periodMs).getTime();
      buckets.set(start, { ...buckets.get(start), [metric.column]: points.values[p] });
    });
  });
  return buckets;
}

/**
 * Invocations, errors, throttles, duration and concurrency of each function into 5-minute and
 * 1-hour buckets, over the window since its metrics were last collected (look-back included);
 * on first sight, for a function not invoked within the window, 30 days of hourly invocations to
 * know when it last was.
 */
export async function collectMetrics(
  cloudwatch: CloudWatchClient,
  targets: readonly MetricTarget[],
  options: { now: Date; lookbackMs: number },
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<MetricsResult> {
  const { now } = options;
  const result: MetricsResult = { buckets: [], lastInvokedAt: new Map(), collected: new Set() };
  const invokedAt = new Map<string, Date>();
  const noteInvocation = (id: string, start: Date) => {
    if (start > (invokedAt.get(id) ?? new Date(0))) invokedAt.set(id, start);
  };

  const failed = new Set<string>();
  for (const { resolution, periodMs, window } of RESOLUTIONS) {
    const rule = { ...window, lookbackMs: options.lookbackMs };
    const windows = groupByDate(targets, (t) => floorTo(windowStart(t.metricsThrough, now, rule), periodMs));
    for (const [start, group] of windows) {
      try {
        const queries = group.flatMap((target, i) =>
          METRICS.map((metric, m) => lambdaMetric(`f${i}_${m}`, target.name, metric.metricName, metric.stat, periodMs)),
        );
        const series = await fetchSeries(cloudwatch, { queries, start: new Date(start), end: now }, signal);
        group.forEach((target, i) => {
          for (const [bucketStart, values] of bucketsOf(series, `f${i}_`, periodMs)) {
            result.buckets.push({ functionId: target.id, resolution, start: new Date(bucketStart), values });
            if ((values.invocations ?? 0) > 0) noteInvocation(target.id, new Date(bucketStart));
          }
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        errors.record("cloudwatch:GetMetricData", error);
        for (const target of group) failed.add(target.id);
      }
    }
  }

  // Invoked within the first-sight window: the window already told when. Only the others need the look-back.
  const firstSight = targets.filter((t) => t.metricsThrough === null && !invokedAt.has(t.id) && !failed.has(t.id));
  if (firstSight.length > 0) {
    try {
      const queries = firstSight.map((t, i) => lambdaMetric(`p${i}`, t.name, "Invocations", "Sum", HOUR_MS));
      const start = floorTo(new Date(now.getTime() - LAST_INVOCATION_LOOKBACK_MS), HOUR_MS);
      const series = await fetchSeries(cloudwatch, { queries, start, end: now }, signal);
      firstSight.forEach((target, i) => {
        const points = series.get(`p${i}`);
        points?.timestamps.forEach((timestamp, p) => {
          if ((points.values[p] ?? 0) > 0) noteInvocation(target.id, floorTo(timestamp, HOUR_MS));
        });
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      errors.record("cloudwatch:GetMetricData", error);
      // Without the look-back, "last invoked" would be wrong: try the whole first sight again next cycle.
      for (const target of firstSight) failed.add(target.id);
    }
  }

  for (const target of targets) {
    if (!failed.has(target.id)) result.collected.add(target.id);
    const latest = invokedAt.get(target.id);
    if (latest && (!target.lastInvokedAt || latest > target.lastInvokedAt)) result.lastInvokedAt.set(target.id, latest);
  }
  return result;
}
