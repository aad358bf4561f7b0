import type { FunctionSpec } from "../model/fleet";
import { compareRecords, type LogRecord, reportRecords } from "../model/log-records";
import type { World } from "../model/world";
import type { Row } from "./evaluate";
import { parseQuery } from "./parser";
import { onlyColdStartsCanMatch } from "./pushdown";
import { type ResultField, runCommands, validateCommands } from "./run";
import type { Command } from "./syntax";

export interface CompiledQuery {
  commands: Command[];
  coldStartsOnly: boolean;
}

export interface QueriedLogGroup {
  accountId: string;
  name: string;
  functions: readonly FunctionSpec[];
}

export interface QueryOutcome {
  results: ResultField[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number; logGroupsScanned: number };
}

/** Parses and checks a query; throws QuerySyntaxError. */
export function compileQuery(text: string): CompiledQuery {
  const commands = parseQuery(text);
  validateCommands(commands);
  return { commands, coldStartsOnly: onlyColdStartsCanMatch(commands) };
}

/** Runs a compiled query over the groups' records with timestamps in [from, to] (ms). */
export function executeQuery(
  world: World,
  query: CompiledQuery,
  groups: readonly QueriedLogGroup[],
  from: number,
  to: number,
  limit: number,
): QueryOutcome {
  const rows: Row[] = [];
  let bytesScanned = 0;
  for (const group of groups) {
    const records = group.functions
      .flatMap((fn) => reportRecords(world, fn, from, to, query.coldStartsOnly))
      .sort(compareRecords);
    for (const record of records) rows.push(toRow(group, record));
    // Insights scans every record in the range, also those a pushed-down filter lets us skip generating.
    for (const fn of group.functions) bytesScanned += world.logVolume.bytes(fn, from, Math.min(to + 1, world.now()));
  }
  const { rows: results, recordsMatched } = runCommands(query.commands, rows, limit);
  return {
    results,
    statistics: { recordsMatched, recordsScanned: rows.length, bytesScanned, logGroupsScanned: groups.length },
  };
}

function toRow(group: QueriedLogGroup, record: LogRecord): Row {
  return {
    ...record.fields,
    "@timestamp": new Date(record.timestamp),
    "@ingestionTime": new Date(record.ingestionTime),
    "@message": record.message,
    "@logStream": record.logStream,
    "@log": `${group.accountId}:${group.name}`,
    "@ptr": Buffer.from(
      `${group.accountId}:${group.name}:${record.functionIndex}:${record.timestamp}:${record.sequence}`,
    ).toString("base64"),
  };
}
