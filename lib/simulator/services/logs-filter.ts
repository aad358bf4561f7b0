import { z } from "zod";
import { compareRecords, type LogRecord, reportRecords } from "../model/log-records";
import { HOUR } from "../model/time";
import { AwsError } from "../protocols/errors";
import { validateInput } from "../protocols/validation";
import { decodeToken, encodeToken, type Operation } from "./context";
import { parseFilterPattern } from "./filter-pattern";
import { resolveLogGroup } from "./log-groups";

const FilterLogEventsInput = z.object({
  logGroupName: z.string().min(1).max(512).optional(),
  logGroupIdentifier: z.string().min(1).max(2048).optional(),
  logStreamNames: z.array(z.string().min(1)).min(1).max(100).optional(),
  logStreamNamePrefix: z.string().min(1).optional(),
  startTime: z.number().int().nonnegative().optional(),
  endTime: z.number().int().nonnegative().optional(),
  filterPattern: z.string().max(1024).optional(),
  nextToken: z.string().optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  interleaved: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** FilterLogEvents: matching events in time order, paged with a cursor (time, events already given at that time). */
export const filterLogEvents: Operation<Record<string, unknown>> = {
  quota: { name: "logs:FilterLogEvents", perSecond: 10 },
  handle(body, context) {
    const input = validateInput(FilterLogEventsInput, body, "InvalidParameterException");
    const identifier = input.logGroupIdentifier ?? input.logGroupName;
    if (!identifier || (input.logGroupIdentifier && input.logGroupName)) {
      throw new AwsError("InvalidParameterException", "Specify exactly one of logGroupName or logGroupIdentifier.");
    }
    if (input.logStreamNames && input.logStreamNamePrefix) {
      throw new AwsError(
        "InvalidParameterException",
        "logStreamNames and logStreamNamePrefix cannot both be specified.",
      );
    }
    const group = resolveLogGroup(identifier, context);
    const pattern = parseFilterPattern(input.filterPattern);
    const world = context.world;
    let cursor = Math.max(input.startTime ?? 0, world.fleet.historyStart);
    let skipAtCursor = 0;
    if (input.nextToken !== undefined) {
      const state = decodeToken(input.nextToken);
      if (typeof state?.after !== "number" || typeof state.skip !== "number")
        throw new AwsError("InvalidParameterException", "The specified nextToken is invalid.");
      cursor = state.after;
      skipAtCursor = state.skip;
    }
    const end = Math.min(input.endTime ?? Number.POSITIVE_INFINITY, world.now() - 1);
    const limit = input.limit ?? 10_000;
    const streams = input.logStreamNames ? new Set(input.logStreamNames) : undefined;
    const wanted = (record: LogRecord) =>
      pattern.matches(record.message) &&
      (!streams || streams.has(record.logStream)) &&
      (!input.logStreamNamePrefix || record.logStream.startsWith(input.logStreamNamePrefix));
    const alreadyGivenAtCursor = skipAtCursor;
    const events: LogRecord[] = [];
    for (
      let chunkStart = cursor;
      chunkStart <= end && events.length < limit;
      chunkStart = (Math.floor(chunkStart / HOUR) + 1) * HOUR
    ) {
      const chunkEnd = Math.min(end, (Math.floor(chunkStart / HOUR) + 1) * HOUR - 1);
      const records = group.functions
        .flatMap((fn) => reportRecords(world, fn, chunkStart, chunkEnd, pattern.coldStartsOnly))
        .sort(compareRecords);
      for (const record of records) {
        if (!wanted(record)) continue;
        if (record.timestamp === cursor && skipAtCursor > 0) {
          skipAtCursor--;
          continue;
        }
        events.push(record);
        if (events.length === limit) break;
      }
    }
    const last = events[events.length - 1];
    const full = events.length === limit && last !== undefined;
    const atLast =
      events.filter((event) => event.timestamp === last?.timestamp).length +
      (last?.timestamp === cursor ? alreadyGivenAtCursor : 0);
    return {
      events: events.map((event) => ({
        logStreamName: event.logStream,
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: event.ingestionTime,
        eventId: `${event.timestamp}${String(event.sequence).padStart(10, "0")}${String(event.functionIndex).padStart(6, "0")}`,
      })),
      searchedLogStreams: [],
      ...(full ? { nextToken: encodeToken({ after: last.timestamp, skip: atLast }) } : {}),
    };
  },
};
