import { randomUUID } from "node:crypto";
import { z } from "zod";
import { compileQuery, executeQuery, type QueryOutcome } from "../insights/query";
import { QuerySyntaxError } from "../insights/syntax";
import { scopeKey } from "../model/fleet";
import { AwsError } from "../protocols/errors";
import { validateInput } from "../protocols/validation";
import { decodeToken, encodeToken, type Operation } from "./context";
import { resolveLogGroup } from "./log-groups";
import { filterLogEvents } from "./logs-filter";

/** CloudWatch Logs: Logs Insights queries (asynchronous, polled) and FilterLogEvents. */
const DEFAULT_RESULT_LIMIT = 10_000;
const MAX_STORED_QUERIES = 5_000;

const StartQueryInput = z.object({
  logGroupName: z.string().min(1).max(512).optional(),
  logGroupNames: z.array(z.string().min(1).max(512)).min(1).max(50).optional(),
  logGroupIdentifiers: z.array(z.string().min(1).max(2048)).min(1).max(50).optional(),
  startTime: z.number().int().nonnegative(),
  endTime: z.number().int().nonnegative(),
  queryString: z.string().min(1).max(10_000),
  limit: z.number().int().min(1).max(10_000).optional(),
  queryLanguage: z.enum(["CWLI"]).optional(),
});

const QueryIdInput = z.object({ queryId: z.string().min(1).max(256) });

const DescribeLogGroupsInput = z.object({
  logGroupNamePrefix: z.string().min(1).max(512).optional(),
  logGroupNamePattern: z.string().min(0).max(512).optional(),
  nextToken: z.string().optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
const DESCRIBE_PAGE = 50;

type QueryStatus = "Scheduled" | "Running" | "Complete" | "Failed" | "Cancelled";

interface StoredQuery {
  accountId: string;
  region: string;
  status: QueryStatus;
  polls: number;
  outcome?: QueryOutcome;
}

/** The Logs operations; queries live in this instance, like in one AWS account × region. */
export function createLogsOperations(): Record<string, Operation<Record<string, unknown>>> {
  const queries = new Map<string, StoredQuery>();

  const find = (queryId: string, accountId: string, region: string): StoredQuery => {
    const query = queries.get(queryId);
    if (!query || query.accountId !== accountId || query.region !== region)
      throw new AwsError("ResourceNotFoundException", "Query does not exist.");
    return query;
  };

  return {
    StartQuery: {
      quota: { name: "logs:StartQuery", perSecond: 5 },
      handle(body, context) {
        const input = validateInput(StartQueryInput, body, "InvalidParameterException");
        const identifiers = [
          input.logGroupName,
          ...(input.logGroupNames ?? []),
          ...(input.logGroupIdentifiers ?? []),
        ].filter((value): value is string => value !== undefined);
        const specifiers = [input.logGroupName, input.logGroupNames, input.logGroupIdentifiers].filter(
          (value) => value !== undefined,
        ).length;
        if (specifiers !== 1)
          throw new AwsError(
            "InvalidParameterException",
            "Specify exactly one of logGroupName, logGroupNames or logGroupIdentifiers.",
          );
        if (input.endTime < input.startTime)
          throw new AwsError("InvalidParameterException", "endTime must not be before startTime.");
        const groups = identifiers.map((identifier) => resolveLogGroup(identifier, context));
        let compiled: ReturnType<typeof compileQuery>;
        try {
          compiled = compileQuery(input.queryString);
        } catch (error) {
          if (!(error instanceof QuerySyntaxError)) throw error;
          throw new AwsError("MalformedQueryException", error.message, 400, {
            fields: { queryCompileError: { message: error.message } },
          });
        }
        const queryId = randomUUID();
        const stored: StoredQuery = {
          accountId: context.accountId,
          region: context.region,
          status: "Scheduled",
          polls: 0,
        };
        if (queries.size >= MAX_STORED_QUERIES) queries.delete(queries.keys().next().value as string);
        queries.set(queryId, stored);
        // Endpoints are inclusive to the second, as in AWS.
        const from = input.startTime * 1000;
        const to = input.endTime * 1000 + 999;
        setImmediate(() => {
          if (stored.status === "Cancelled") return;
          try {
            stored.outcome = executeQuery(
              context.world,
              compiled,
              groups,
              from,
              to,
              input.limit ?? DEFAULT_RESULT_LIMIT,
            );
          } catch {
            stored.status = "Failed";
          }
        });
        return { queryId };
      },
    },
    GetQueryResults: {
      quota: { name: "logs:GetQueryResults", perSecond: 10 },
      handle(body, context) {
        const { queryId } = validateInput(QueryIdInput, body, "InvalidParameterException");
        const query = find(queryId, context.accountId, context.region);
        query.polls++;
        // Clients must poll: the first answer is never final.
        if (query.status === "Scheduled" || query.status === "Running")
          query.status = query.polls > 1 && query.outcome ? "Complete" : "Running";
        const outcome = query.status === "Complete" ? query.outcome : undefined;
        return {
          queryLanguage: "CWLI",
          results: outcome?.results ?? [],
          statistics: {
            recordsMatched: outcome?.statistics.recordsMatched ?? 0,
            recordsScanned: outcome?.statistics.recordsScanned ?? 0,
            estimatedRecordsSkipped: 0,
            bytesScanned: outcome?.statistics.bytesScanned ?? 0,
            estimatedBytesSkipped: 0,
            logGroupsScanned: outcome?.statistics.logGroupsScanned ?? 0,
          },
          status: query.status,
        };
      },
    },
    StopQuery: {
      quota: { name: "logs:StopQuery", perSecond: 5 },
      handle(body, context) {
        const { queryId } = validateInput(QueryIdInput, body, "InvalidParameterException");
        const query = find(queryId, context.accountId, context.region);
        const running = query.status === "Scheduled" || query.status === "Running";
        if (running) query.status = "Cancelled";
        return { success: running };
      },
    },
    FilterLogEvents: filterLogEvents,
    DescribeLogGroups: {
      quota: { name: "logs:DescribeLogGroups", perSecond: 10 },
      handle(body, context) {
        const input = validateInput(DescribeLogGroupsInput, body, "InvalidParameterException");
        if (input.logGroupNamePrefix && input.logGroupNamePattern !== undefined)
          throw new AwsError(
            "InvalidParameterException",
            "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.",
          );
        const now = context.world.now();
        const groups = [...(context.world.logGroups.get(scopeKey(context.accountId, context.region)) ?? [])]
          .map(([name, functions]) => ({ name, functions: functions.filter((fn) => fn.createdAt <= now) }))
          .filter(
            (group) =>
              group.functions.length > 0 &&
              group.name.startsWith(input.logGroupNamePrefix ?? "") &&
              group.name.includes(input.logGroupNamePattern ?? ""),
          )
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const after: unknown = input.nextToken ? decodeToken(input.nextToken)?.after : "";
        if (typeof after !== "string")
          throw new AwsError("InvalidParameterException", "The specified nextToken is invalid.");
        const from = input.nextToken ? groups.findIndex((group) => group.name > after) : 0;
        const page = from < 0 ? [] : groups.slice(from, from + (input.limit ?? DESCRIBE_PAGE));
        const more = from >= 0 && from + page.length < groups.length;
        return {
          logGroups: page.map((group) => ({
            logGroupName: group.name,
            arn: `arn:aws:logs:${context.region}:${context.accountId}:log-group:${group.name}:*`,
            logGroupArn: `arn:aws:logs:${context.region}:${context.accountId}:log-group:${group.name}`,
            // Nothing is logged before history starts: a group "created" then holds all its bytes since.
            creationTime: Math.max(
              context.world.fleet.historyStart,
              Math.min(...group.functions.map((fn) => fn.createdAt)),
            ),
            metricFilterCount: 0,
            storedBytes: group.functions.reduce((n, fn) => n + context.world.logVolume.stored(fn, now), 0),
            logGroupClass: "STANDARD",
          })),
          ...(more ? { nextToken: encodeToken({ after: page.at(-1)!.name }) } : {}),
        };
      },
    },
  };
}
