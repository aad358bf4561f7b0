import type { HourActivity } from "./activity";
import type { FunctionSpec } from "./fleet";
import { normalCdf, normalQuantile } from "./random";
import { HOUR, MINUTE } from "./time";
import type { World } from "./world";

export const LAMBDA_METRICS = ["Invocations", "Errors", "Throttles", "Duration", "ConcurrentExecutions"] as const;
export type LambdaMetric = (typeof LAMBDA_METRICS)[number];

export type Statistic =
  | { kind: "SampleCount" | "Sum" | "Average" | "Minimum" | "Maximum" }
  | { kind: "Percentile"; percentile: number };

export interface Datapoint {
  timestamp: number;
  value: number;
}

/** Parses `Sum`, `Average`, `p95`, `p99.9`…; undefined for statistics the simulator does not compute. */
export function parseStatistic(text: string): Statistic | undefined {
  if (text === "SampleCount" || text === "Sum" || text === "Average" || text === "Minimum" || text === "Maximum")
    return { kind: text };
  const percentile = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(text);
  return percentile ? { kind: "Percentile", percentile: Number(percentile[1]) } : undefined;
}

export const isLambdaMetric = (name: string): name is LambdaMetric =>
  (LAMBDA_METRICS as readonly string[]).includes(name);

/**
 * Datapoints of one metric of one function, one per `period` starting at `start`, over
 * [start, end) clipped to history and to now. Periods without samples are omitted, as
 * CloudWatch does. Lambda publishes each invocation as a sample of 1 (Invocations), 0/1
 * (Errors, Throttles) or its duration (Duration); ConcurrentExecutions is one sample per minute.
 */
export function metricDatapoints(
  world: World,
  fn: FunctionSpec,
  metric: LambdaMetric,
  statistic: Statistic,
  start: number,
  end: number,
  periodMs: number,
): Datapoint[] {
  const from = Math.max(start, world.fleet.historyStart);
  const to = Math.min(end, world.now());
  const datapoints: Datapoint[] = [];
  let bucket: Bucket | undefined;
  for (let hour = Math.floor(from / HOUR); hour * HOUR < to; hour++) {
    const activity = world.activity.hour(fn, hour, world.now());
    for (let offset = 0; offset < 60; offset++) {
      const minuteStart = (hour * 60 + offset) * MINUTE;
      if (minuteStart < from || minuteStart >= to) continue;
      const timestamp = start + Math.floor((minuteStart - start) / periodMs) * periodMs;
      if (bucket?.timestamp !== timestamp) {
        if (bucket) pushDatapoint(datapoints, bucket, metric, statistic, fn);
        bucket = newBucket(timestamp);
      }
      addMinute(bucket, activity, offset);
    }
  }
  if (bucket) pushDatapoint(datapoints, bucket, metric, statistic, fn);
  return datapoints;
}

interface Bucket {
  timestamp: number;
  invocations: number;
  errors: number;
  throttles: number;
  executed: number;
  /** Per hour of executed invocations: duration distribution parameters and weight. */
  durationComponents: { mu: number; sigma: number; weight: number; largestMinute: number }[];
  concurrency: number[];
}

const newBucket = (timestamp: number): Bucket => ({
  timestamp,
  invocations: 0,
  errors: 0,
  throttles: 0,
  executed: 0,
  durationComponents: [],
  concurrency: [],
});

function addMinute(bucket: Bucket, activity: HourActivity, offset: number): void {
  const executed = activity.executed[offset] ?? 0;
  bucket.invocations += activity.invocations[offset] ?? 0;
  bucket.errors += activity.errors[offset] ?? 0;
  bucket.throttles += activity.throttles[offset] ?? 0;
  bucket.executed += executed;
  if (executed === 0) return;
  bucket.concurrency.push(activity.concurrency[offset] ?? 0);
  const last = bucket.durationComponents[bucket.durationComponents.length - 1];
  if (last && last.mu === activity.durationMu) {
    last.weight += executed;
    last.largestMinute = Math.max(last.largestMinute, executed);
  } else {
    bucket.durationComponents.push({
      mu: activity.durationMu,
      sigma: activity.durationSigma,
      weight: executed,
      largestMinute: executed,
    });
  }
}

function pushDatapoint(
  datapoints: Datapoint[],
  bucket: Bucket,
  metric: LambdaMetric,
  statistic: Statistic,
  fn: FunctionSpec,
): void {
  const value = statisticOf(bucket, metric, statistic, fn);
  if (value !== undefined) datapoints.push({ timestamp: bucket.timestamp, value });
}

function statisticOf(bucket: Bucket, metric: LambdaMetric, statistic: Statistic, fn: FunctionSpec): number | undefined {
  switch (metric) {
    case "Invocations":
      return binaryStatistic(bucket.invocations, bucket.invocations, statistic);
    case "Errors":
      return binaryStatistic(bucket.invocations, bucket.errors, statistic);
    case "Throttles":
      return binaryStatistic(bucket.invocations + bucket.throttles, bucket.throttles, statistic);
    case "Duration":
      return durationStatistic(bucket, statistic, fn.timeoutSeconds * 1000);
    case "ConcurrentExecutions":
      return listStatistic(bucket.concurrency, statistic);
  }
}

/** Statistics over `samples` values of which `ones` are 1 and the rest 0. */
function binaryStatistic(samples: number, ones: number, statistic: Statistic): number | undefined {
  if (samples === 0) return undefined;
  switch (statistic.kind) {
    case "SampleCount":
      return samples;
    case "Sum":
      return ones;
    case "Average":
      return ones / samples;
    case "Minimum":
      return ones === samples ? 1 : 0;
    case "Maximum":
      return ones > 0 ? 1 : 0;
    case "Percentile":
      return samples - ones < (statistic.percentile / 100) * samples ? 1 : 0;
  }
}

function listStatistic(values: readonly number[], statistic: Statistic): number | undefined {
  if (values.length === 0) return undefined;
  const sum = values.reduce((total, value) => total + value, 0);
  switch (statistic.kind) {
    case "SampleCount":
      return values.length;
    case "Sum":
      return sum;
    case "Average":
      return sum / values.length;
    case "Minimum":
      return values.reduce((low, value) => Math.min(low, value));
    case "Maximum":
      return values.reduce((high, value) => Math.max(high, value));
    case "Percentile": {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(0, Math.ceil((statistic.percentile / 100) * sorted.length) - 1)];
    }
  }
}

/** Duration statistics from the mixture of hourly log-normal distributions. */
function durationStatistic(bucket: Bucket, statistic: Statistic, timeoutMs: number): number | undefined {
  const components = bucket.durationComponents;
  if (bucket.executed === 0) return undefined;
  const mean = (c: Bucket["durationComponents"][number]) => Math.exp(c.mu + (c.sigma * c.sigma) / 2);
  const quantile = (c: Bucket["durationComponents"][number], p: number) =>
    Math.min(timeoutMs, Math.exp(c.mu + c.sigma * normalQuantile(p)));
  switch (statistic.kind) {
    case "SampleCount":
      return bucket.executed;
    case "Sum":
      return components.reduce((total, c) => total + c.weight * mean(c), 0);
    case "Average":
      return components.reduce((total, c) => total + c.weight * mean(c), 0) / bucket.executed;
    case "Minimum":
      return Math.min(...components.map((c) => quantile(c, 1 / (c.largestMinute + 1))));
    case "Maximum":
      return Math.max(...components.map((c) => quantile(c, 1 - 1 / (c.largestMinute + 1))));
    case "Percentile":
      return mixtureQuantile(components, statistic.percentile / 100, timeoutMs);
  }
}

function mixtureQuantile(components: Bucket["durationComponents"], p: number, timeoutMs: number): number {
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  const cdf = (logValue: number) =>
    components.reduce((sum, c) => sum + c.weight * normalCdf((logValue - c.mu) / c.sigma), 0) / total;
  let low = Math.min(...components.map((c) => c.mu - 6 * c.sigma));
  let high = Math.max(...components.map((c) => c.mu + 6 * c.sigma));
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (cdf(middle) < p) low = middle;
    else high = middle;
  }
  return Math.min(timeoutMs, Math.exp((low + high) / 2));
}
