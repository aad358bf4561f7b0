import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { GetFunctionCommand, LambdaClient, paginateListFunctions } from "@aws-sdk/client-lambda";
import type { AwsScope } from "@/lib/aws/clients";

/** The statistics the collector keeps per function, each asked for on its own, as GetMetricStatistics would. */
const METRIC_STATS = [
  ["Invocations", "Sum"],
  ["Errors", "Sum"],
  ["Throttles", "Sum"],
  ["Duration", "Average"],
  ["Duration", "p95"],
  ["ConcurrentExecutions", "Maximum"],
] as const;
const PERIOD_SECONDS = 300;

export interface ObservedState {
  at: Date;
  state: string;
  reasonCode: string | null;
}

/**
 * The straightforward poller the collector is compared with: every cycle, one account × region
 * after another, list every function, GetFunction each, then one metric request per function and
 * statistic. The simulator does not model GetMetricStatistics, so GetMetricData with a single
 * query per call stands in for it (one call, one metric: the same count and billing unit).
 */
export class NaivePoller {
  /** Function ARN → the state changes this poller saw, oldest first. */
  readonly observed = new Map<string, ObservedState[]>();
  private readonly clients: { lambda: LambdaClient; cloudwatch: CloudWatchClient }[];
  private lastPollAt: Date | null = null;

  /**
   * `metrics: false` skips the metric requests, for runs that only look at what the poller
   * observed (its states come from GetFunction alone).
   */
  constructor(
    endpoint: string,
    scopes: readonly AwsScope[],
    private readonly options: { metrics: boolean } = { metrics: true },
  ) {
    this.clients = scopes.map(({ region, credentials }) => ({
      lambda: new LambdaClient({ endpoint, region, credentials }),
      cloudwatch: new CloudWatchClient({ endpoint, region, credentials }),
    }));
  }

  async cycle(now: Date): Promise<void> {
    const since = this.lastPollAt ?? new Date(now.getTime() - PERIOD_SECONDS * 1000);
    for (const { lambda, cloudwatch } of this.clients) {
      for await (const page of paginateListFunctions({ client: lambda }, {})) {
        for (const fn of page.Functions ?? []) {
          const detail = await lambda.send(new GetFunctionCommand({ FunctionName: fn.FunctionName }));
          this.note(fn.FunctionArn!, {
            at: now,
            state: detail.Configuration?.State ?? "Unknown",
            reasonCode: detail.Configuration?.StateReasonCode ?? null,
          });
          if (!this.options.metrics) continue;
          for (const [metricName, stat] of METRIC_STATS) {
            await cloudwatch.send(
              new GetMetricDataCommand({
                StartTime: since,
                EndTime: now,
                MetricDataQueries: [
                  {
                    Id: "m",
                    MetricStat: {
                      Metric: {
                        Namespace: "AWS/Lambda",
                        MetricName: metricName,
                        Dimensions: [{ Name: "FunctionName", Value: fn.FunctionName }],
                      },
                      Period: PERIOD_SECONDS,
                      Stat: stat,
                    },
                  },
                ],
              }),
            );
          }
        }
      }
    }
    this.lastPollAt = now;
  }

  /** Metrics requested per function in each cycle. */
  static get metricsPerFunction(): number {
    return METRIC_STATS.length;
  }

  close(): void {
    for (const { lambda, cloudwatch } of this.clients) {
      lambda.destroy();
      cloudwatch.destroy();
    }
  }

  private note(arn: string, observation: ObservedState): void {
    const seen = this.observed.get(arn) ?? [];
    const last = seen.at(-1);
    if (!last || last.state !== observation.state || last.reasonCode !== observation.reasonCode) {
      seen.push(observation);
      this.observed.set(arn, seen);
    }
  }
}
