import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "@/lib/simulator";
import { assumeReadOnly, clientConfig, START } from "./support";

const HOUR = 3_600_000;
const COLD_START_QUERY = `fields @timestamp, @log, coalesce(@initDuration, \`record.metrics.initDurationMs\`) as initMs
| filter ispresent(initMs)
| stats count(*) as coldStarts, avg(initMs) as initAvg, pct(initMs, 95) as initP95, max(initMs) as initMax by bin(1h), @log`;

describe("metrics and logs against the ground truth", () => {
  let sim: Simulator;
  const end = START.getTime() - (START.getTime() % HOUR);
  const begin = end - 24 * HOUR;

  beforeAll(async () => {
    sim = await startSimulator({ functions: 600, seed: 5, startTime: START, speed: 0 });
  });
  afterAll(() => sim.close());

  const scopeWithMostFunctions = () => {
    const counts = new Map<string, number>();
    for (const fn of sim.truth.functions())
      counts.set(`${fn.accountId}/${fn.region}`, (counts.get(`${fn.accountId}/${fn.region}`) ?? 0) + 1);
    const [scope] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [""];
    const [accountId = "", region = ""] = scope.split("/");
    return { accountId, region, functions: sim.truth.functions({ accountId, region }) };
  };

  it("returns GetMetricData sums equal to the true invocations and errors, across NextToken pages", async () => {
    const { accountId, region, functions } = scopeWithMostFunctions();
    const client = new CloudWatchClient(clientConfig(sim, region, await assumeReadOnly(sim, accountId)));
    const chosen = functions.slice(0, 40);
    const queries: MetricDataQuery[] = chosen.flatMap((fn, index) =>
      (["Invocations", "Errors"] as const).map((metric) => ({
        Id: `${metric.toLowerCase()}${index}`,
        MetricStat: {
          Metric: {
            Namespace: "AWS/Lambda",
            MetricName: metric,
            Dimensions: [{ Name: "FunctionName", Value: fn.name }],
          },
          Period: 3600,
          Stat: "Sum",
        },
      })),
    );
    const sums = new Map<string, number>();
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(begin),
          EndTime: new Date(end),
          MaxDatapoints: 200,
          NextToken,
        }),
      );
      for (const result of page.MetricDataResults ?? []) {
        sums.set(
          result.Id ?? "",
          (sums.get(result.Id ?? "") ?? 0) + (result.Values ?? []).reduce((total, value) => total + value, 0),
        );
      }
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    expect(pages).toBeGreaterThan(1);
    let total = 0;
    chosen.forEach((fn, index) => {
      const truth = sim.truth.activity(fn.arn, begin, end);
      expect(sums.get(`invocations${index}`) ?? 0).toBe(truth.invocations);
      expect(sums.get(`errors${index}`) ?? 0).toBe(truth.errors);
      total += truth.invocations;
    });
    expect(total).toBeGreaterThan(0);
  });

  it("answers the collector's cold-start Insights query with the true counts, for text and JSON log formats", async () => {
    const { accountId, region, functions } = scopeWithMostFunctions();
    const client = new CloudWatchLogsClient(clientConfig(sim, region, await assumeReadOnly(sim, accountId)));
    const groups = [...new Set(functions.map((fn) => fn.logGroup))].slice(0, 50);
    const { queryId } = await client.send(
      new StartQueryCommand({
        logGroupNames: groups,
        startTime: begin / 1000,
        endTime: end / 1000 - 1,
        queryString: COLD_START_QUERY,
      }),
    );
    let answer = await client.send(new GetQueryResultsCommand({ queryId }));
    expect(answer.status).not.toBe("Complete");
    while (answer.status !== "Complete") {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await client.send(new GetQueryResultsCommand({ queryId }));
    }
    const observed = new Map<string, number>();
    for (const row of answer.results ?? []) {
      const field = (name: string) => row.find((cell) => cell.field === name)?.value ?? "";
      observed.set(`${field("@log")}|${field("bin(1h)")}`, Number(field("coldStarts")));
    }
    const expected = new Map<string, number>();
    const formats = new Set<string>();
    for (const fn of functions.filter((candidate) => groups.includes(candidate.logGroup))) {
      for (const coldStart of sim.truth.coldStarts(fn.arn, begin, end)) {
        const bin = new Date(coldStart.timestamp - (coldStart.timestamp % HOUR))
          .toISOString()
          .replace("T", " ")
          .replace("Z", "");
        const key = `${accountId}:${fn.logGroup}|${bin}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
        formats.add(fn.logFormat);
      }
    }
    expect(formats).toEqual(new Set(["Text", "JSON"]));
    expect(observed).toEqual(expected);
  });

  it("finds every cold start of a function with FilterLogEvents, page by page", async () => {
    const textFunction = sim.truth
      .functions()
      .find(
        (fn) =>
          fn.logFormat === "Text" &&
          fn.logGroup === `/aws/lambda/${fn.name}` &&
          sim.truth.coldStarts(fn.arn, begin, end).length > 3,
      );
    if (!textFunction) throw new Error("no text-format function with cold starts");
    const client = new CloudWatchLogsClient(
      clientConfig(sim, textFunction.region, await assumeReadOnly(sim, textFunction.accountId)),
    );
    const timestamps: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new FilterLogEventsCommand({
          logGroupName: textFunction.logGroup,
          filterPattern: '"Init Duration"',
          startTime: begin,
          endTime: end - 1,
          limit: 2,
          nextToken,
        }),
      );
      timestamps.push(...(page.events ?? []).map((event) => event.timestamp ?? 0));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(timestamps).toEqual(
      sim.truth.coldStarts(textFunction.arn, begin, end).map((coldStart) => coldStart.timestamp),
    );
  });
});
