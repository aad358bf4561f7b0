import { z } from "zod";
import { type Datapoint, isLambdaMetric, metricDatapoints, parseStatistic } from "../model/metrics";
import { DAY, HOUR, MINUTE } from "../model/time";
import { AwsError } from "../protocols/errors";
import { validateInput } from "../protocols/validation";
import { type CallContext, decodeToken, encodeToken, type Operation } from "./context";

/** CloudWatch GetMetricData over the AWS/Lambda namespace, answered from the activity model. */
const GET_METRIC_DATA_QUOTA = { name: "cloudwatch:GetMetricData", perSecond: 50 };
const MAX_DATAPOINTS = 100_800;

const MetricDataQuery = z.object({
  Id: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9_]*$/, "Member must start with a lowercase letter and contain only letters, digits and '_'")
    .max(255),
  MetricStat: z
    .object({
      Metric: z.object({
        Namespace: z.string().optional(),
        MetricName: z.string().optional(),
        Dimensions: z
          .array(z.object({ Name: z.string(), Value: z.string() }))
          .max(30)
          .optional(),
      }),
      Period: z.number().int().positive(),
      Stat: z.string(),
      Unit: z.string().optional(),
    })
    .optional(),
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().int().positive().optional(),
  AccountId: z.string().optional(),
});

const GetMetricDataInput = z.object({
  MetricDataQueries: z.array(MetricDataQuery).min(1).max(500),
  StartTime: z.number(),
  EndTime: z.number(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
  MaxDatapoints: z.number().int().positive().optional(),
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});

type Query = z.output<typeof MetricDataQuery>;

interface Series {
  query: Query;
  datapoints: Datapoint[];
}

export const getMetricData: Operation<Record<string, unknown>> = {
  quota: GET_METRIC_DATA_QUOTA,
  handle(body, context) {
    const input = validateInput(GetMetricDataInput, body, "ValidationError");
    const start = input.StartTime * 1000;
    const end = input.EndTime * 1000;
    if (start >= end) throw invalid("The parameter StartTime must be less than the parameter EndTime.");
    checkQueries(input.MetricDataQueries);
    const now = context.world.now();
    const alignedStart = alignStart(start, now);
    const series = input.MetricDataQueries.filter((query) => query.ReturnData !== false).map(
      (query): Series => ({ query, datapoints: seriesFor(query, alignedStart, end, now, context) }),
    );
    if (input.ScanBy !== "TimestampAscending") for (const { datapoints } of series) datapoints.reverse();
    return page(series, input.NextToken, Math.min(input.MaxDatapoints ?? MAX_DATAPOINTS, MAX_DATAPOINTS));
  },
};

function checkQueries(queries: readonly Query[]): void {
  const ids = new Set<string>();
  queries.forEach((query, index) => {
    const member = `MetricDataQueries.member.${index + 1}`;
    if (ids.has(query.Id)) throw invalid(`The value ${query.Id} for field ${member}.Id is duplicated.`);
    ids.add(query.Id);
    if (query.Expression !== undefined) {
      throw new AwsError(
        "ValidationError",
        `${member}.Expression: metric math expressions are not supported by this endpoint; use MetricStat.`,
      );
    }
    if (!query.MetricStat) throw new AwsError("MissingParameter", `The parameter ${member}.MetricStat is required.`);
    const period = query.MetricStat.Period;
    if (period % 60 !== 0 && ![1, 5, 10, 20, 30].includes(period))
      throw invalid(`The parameter ${member}.MetricStat.Period must be a multiple of 60.`);
    if (!parseStatistic(query.MetricStat.Stat))
      throw invalid(`The parameter ${member}.MetricStat.Stat must be a valid statistic; got ${query.MetricStat.Stat}.`);
  });
}

/** CloudWatch rounds StartTime down by age: to the minute within 15 days, 5 minutes within 63, else the hour. */
function alignStart(start: number, now: number): number {
  const age = now - start;
  const step = age <= 15 * DAY ? MINUTE : age <= 63 * DAY ? 5 * MINUTE : HOUR;
  return Math.floor(start / step) * step;
}

function seriesFor(query: Query, start: number, end: number, now: number, context: CallContext): Datapoint[] {
  const stat = query.MetricStat;
  if (!stat) return [];
  const { Namespace, MetricName, Dimensions = [] } = stat.Metric;
  const functionName =
    Dimensions.length === 1 && Dimensions[0]?.Name === "FunctionName" ? Dimensions[0].Value : undefined;
  const accountId = query.AccountId ?? context.accountId;
  if (
    Namespace !== "AWS/Lambda" ||
    !MetricName ||
    !isLambdaMetric(MetricName) ||
    !functionName ||
    accountId !== context.accountId
  )
    return [];
  if (stat.Period < 60) return [];
  const fn = context.world.resolveFunction(functionName, context.accountId, context.region);
  const statistic = parseStatistic(stat.Stat);
  if (!fn || !statistic) return [];
  const periodMs = stat.Period * 1000;
  // Coarse periods only for old data: 1-minute data lives 15 days, 5-minute data 63 days.
  return metricDatapoints(context.world, fn, MetricName, statistic, start, end, periodMs).filter((point) => {
    const age = now - point.timestamp;
    return age <= 15 * DAY || (stat.Period % 300 === 0 && age <= 63 * DAY) || stat.Period % 3600 === 0;
  });
}

/** Splits the answer into pages of at most `limit` datapoints, cutting series marked PartialData. */
function page(series: Series[], token: string | undefined, limit: number): Record<string, unknown> {
  let seriesIndex = 0;
  let offset = 0;
  if (token !== undefined) {
    const state = decodeToken(token);
    if (typeof state?.series !== "number" || typeof state.offset !== "number")
      throw invalid("The parameter NextToken is not valid.");
    seriesIndex = state.series;
    offset = state.offset;
  }
  const results: Record<string, unknown>[] = [];
  let budget = limit;
  let next: string | undefined;
  for (; seriesIndex < series.length; seriesIndex++, offset = 0) {
    const { query, datapoints } = series[seriesIndex] as Series;
    const taken = datapoints.slice(offset, offset + budget);
    budget -= taken.length;
    const complete = offset + taken.length >= datapoints.length;
    results.push({
      Id: query.Id,
      Label: query.Label ?? query.MetricStat?.Metric.MetricName ?? query.Id,
      Timestamps: taken.map((point) => point.timestamp / 1000),
      Values: taken.map((point) => point.value),
      StatusCode: complete ? "Complete" : "PartialData",
      Messages: [],
    });
    if (!complete) {
      next = encodeToken({ series: seriesIndex, offset: offset + taken.length });
      break;
    }
    if (budget === 0 && seriesIndex + 1 < series.length) {
      next = encodeToken({ series: seriesIndex + 1, offset: 0 });
      break;
    }
  }
  return { MetricDataResults: results, Messages: [], ...(next ? { NextToken: next } : {}) };
}

const invalid = (message: string): AwsError => new AwsError("InvalidParameterValue", message);
