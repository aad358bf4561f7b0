import { type CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";

/** GetMetricData takes at most 500 queries per call. */
export const MAX_QUERIES_PER_CALL = 500;

export interface MetricQuery {
  /** Unique within one request; [a-z][a-zA-Z0-9_]*. */
  id: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  periodSeconds: number;
  /** "Sum", "Average", "Maximum", "p95", … */
  stat: string;
}

export interface MetricSeries {
  timestamps: Date[];
  values: number[];
}

const answerSchema = z.object({
  MetricDataResults: z
    .array(
      z.object({
        Id: z.string(),
        Timestamps: z.array(z.date()).default([]),
        Values: z.array(z.number()).default([]),
      }),
    )
    .default([]),
  NextToken: z.string().nullish(),
});

function toSdk(query: MetricQuery): MetricDataQuery {
  return {
    Id: query.id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: query.namespace,
        MetricName: query.metricName,
        Dimensions: Object.entries(query.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: query.periodSeconds,
      Stat: query.stat,
    },
  };
}

/**
 * Runs the queries over [start, end) in calls of ≤ 500 queries, following NextToken, and returns
 * each query's datapoints by id. A failing call fails the whole request: callers decide how to
 * narrow it down.
 */
export async function getMetricData(
  cloudwatch: CloudWatchClient,
  request: { queries: readonly MetricQuery[]; start: Date; end: Date },
  signal?: AbortSignal,
): Promise<Map<string, MetricSeries>> {
  const series = new Map<string, MetricSeries>();
  for (let i = 0; i < request.queries.length; i += MAX_QUERIES_PER_CALL) {
    const batch = request.queries.slice(i, i + MAX_QUERIES_PER_CALL).map(toSdk);
    let token: string | undefined;
    do {
      const answer = answerSchema.parse(
        await cloudwatch.send(
          new GetMetricDataCommand({
            MetricDataQueries: batch,
            StartTime: request.start,
            EndTime: request.end,
            ScanBy: "TimestampAscending",
            NextToken: token,
          }),
          { abortSignal: signal },
        ),
      );
      for (const result of answer.MetricDataResults) {
        if (result.Timestamps.length !== result.Values.length) {
          throw new Error(`GetMetricData answered ${result.Id} with mismatched timestamps and values`);
        }
        const known = series.get(result.Id) ?? { timestamps: [], values: [] };
        known.timestamps.push(...result.Timestamps);
        known.values.push(...result.Values);
        series.set(result.Id, known);
      }
      token = answer.NextToken ?? undefined;
    } while (token);
  }
  return series;
}
