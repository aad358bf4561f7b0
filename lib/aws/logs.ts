import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { z } from "zod";
import { sleep } from "./rate-limit";

/** StartQuery takes at most 50 log groups. */
export const MAX_LOG_GROUPS_PER_QUERY = 50;
/** The most rows one Insights query returns. */
export const MAX_QUERY_ROWS = 10_000;

export interface InsightsQuery {
  logGroupNames: readonly string[];
  start: Date;
  end: Date;
  query: string;
}

export type InsightsRow = Record<string, string>;

export interface InsightsAnswer {
  rows: InsightsRow[];
  /** What the query was billed for, from its statistics (0 where the endpoint reports none). */
  bytesScanned: number;
}

const startAnswer = z.object({ queryId: z.string().min(1) });
const resultsAnswer = z.object({
  status: z.string(),
  results: z.array(z.array(z.object({ field: z.string().optional(), value: z.string().optional() }))).default([]),
  statistics: z.object({ bytesScanned: z.number().nonnegative().optional() }).nullish(),
});

const POLL_DELAYS_MS = [200, 400, 800, 1500];
const QUERY_TIMEOUT_MS = 15 * 60_000;

/**
 * Starts an Insights query, polls until it completes and returns its rows as field → value maps
 * with the bytes it scanned.
 * A query abandoned before completion (abort, failure) is stopped so it does not keep running
 * against the account's concurrent-query quota.
 */
export async function runInsightsQuery(
  logs: CloudWatchLogsClient,
  request: InsightsQuery,
  signal?: AbortSignal,
): Promise<InsightsAnswer> {
  signal?.throwIfAborted();
  // StartQuery itself is not aborted: once AWS has the request the query runs, and only the id in
  // its answer can stop it. An abort meanwhile takes effect at the first poll, which stops it.
  const { queryId } = startAnswer.parse(
    await logs.send(
      new StartQueryCommand({
        logGroupNames: [...request.logGroupNames],
        startTime: Math.floor(request.start.getTime() / 1000),
        endTime: Math.ceil(request.end.getTime() / 1000),
        queryString: request.query,
        limit: MAX_QUERY_ROWS,
      }),
    ),
  );
  let finished = false;
  try {
    const deadline = Date.now() + QUERY_TIMEOUT_MS;
    for (let poll = 0; ; poll++) {
      await sleep(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)]!, signal);
      const answer = resultsAnswer.parse(
        await logs.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal }),
      );
      if (answer.status === "Complete") {
        finished = true;
        const rows = answer.results.map(
          (row) =>
            Object.fromEntries(
              row.flatMap((cell) => (cell.field ? [[cell.field, cell.value ?? ""]] : [])),
            ) as InsightsRow,
        );
        return { rows, bytesScanned: answer.statistics?.bytesScanned ?? 0 };
      }
      if (answer.status !== "Running" && answer.status !== "Scheduled") {
        finished = true;
        throw new Error(`Insights query ${queryId} ended ${answer.status}`);
      }
      if (Date.now() > deadline) throw new Error(`Insights query ${queryId} still running after 15 minutes`);
    }
  } finally {
    if (!finished) await logs.send(new StopQueryCommand({ queryId })).catch(() => {});
  }
}

export interface LogEvent {
  timestamp: Date;
  message: string;
}

const filterAnswer = z.object({
  events: z.array(z.object({ timestamp: z.number(), message: z.string().default("") })).default([]),
  nextToken: z.string().nullish(),
});

/** Events of one log group in [start, end) matching a filter pattern, all pages. */
export async function filterLogEvents(
  logs: CloudWatchLogsClient,
  request: { logGroupName: string; filterPattern: string; start: Date; end: Date },
  signal?: AbortSignal,
): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let token: string | undefined;
  do {
    const answer = filterAnswer.parse(
      await logs.send(
        new FilterLogEventsCommand({
          logGroupName: request.logGroupName,
          filterPattern: request.filterPattern,
          startTime: request.start.getTime(),
          endTime: request.end.getTime() - 1,
          nextToken: token,
        }),
        { abortSignal: signal },
      ),
    );
    for (const event of answer.events) events.push({ timestamp: new Date(event.timestamp), message: event.message });
    token = answer.nextToken ?? undefined;
  } while (token);
  return events;
}

export interface LogGroupSize {
  name: string;
  /** Bytes the group holds now (CloudWatch updates it with some delay). */
  storedBytes: number;
  createdAt: Date | null;
  retentionDays: number | null;
}

const describeAnswer = z.object({
  logGroups: z
    .array(
      z.object({
        logGroupName: z.string(),
        storedBytes: z.number().nonnegative().nullish(),
        creationTime: z.number().nullish(),
        retentionInDays: z.number().int().positive().nullish(),
      }),
    )
    .default([]),
  nextToken: z.string().nullish(),
});

/** Every log group whose name starts with `prefix`, with its size: what an Insights scan of it may cost. */
export async function describeLogGroups(
  logs: CloudWatchLogsClient,
  prefix: string,
  signal?: AbortSignal,
): Promise<LogGroupSize[]> {
  const groups: LogGroupSize[] = [];
  let token: string | undefined;
  do {
    const answer = describeAnswer.parse(
      await logs.send(
        new DescribeLogGroupsCommand({ ...(prefix ? { logGroupNamePrefix: prefix } : {}), nextToken: token }),
        { abortSignal: signal },
      ),
    );
    for (const group of answer.logGroups) {
      groups.push({
        name: group.logGroupName,
        storedBytes: group.storedBytes ?? 0,
        createdAt: group.creationTime ? new Date(group.creationTime) : null,
        retentionDays: group.retentionInDays ?? null,
      });
    }
    token = answer.nextToken ?? undefined;
  } while (token);
  return groups;
}
