import { insightsTimestamp } from "../model/time";
import { createAccumulator } from "./aggregate";
import { compareValues, evaluate, isTruthy, type Row, SCALAR_FUNCTIONS, type Value } from "./evaluate";
import { AGGREGATE_FUNCTIONS } from "./parser";
import { type Command, type Expression, QuerySyntaxError } from "./syntax";

export interface ResultField {
  field: string;
  value: string;
}

export interface QueryResult {
  rows: ResultField[][];
  recordsMatched: number;
}

/** Checks up front what evaluation would only find later: unknown functions, misplaced aggregates. */
export function validateCommands(commands: readonly Command[]): void {
  const visit = (expression: Expression, aggregateAllowed: boolean): void => {
    if (expression.type === "call") {
      const aggregate = AGGREGATE_FUNCTIONS.has(expression.name);
      if (!SCALAR_FUNCTIONS.has(expression.name) && !(aggregate && aggregateAllowed)) {
        throw new QuerySyntaxError(
          aggregate ? `${expression.name}() is only allowed in stats` : `unsupported function ${expression.name}()`,
        );
      }
      for (const arg of expression.args) visit(arg, false);
    } else if (expression.type === "binary") {
      visit(expression.left, false);
      visit(expression.right, false);
    } else if (expression.type === "not" || expression.type === "negate") {
      visit(expression.operand, false);
    } else if (expression.type === "in") {
      visit(expression.operand, false);
      for (const value of expression.values) visit(value, false);
    }
  };
  for (const command of commands) {
    if (command.kind === "fields" || command.kind === "display")
      for (const item of command.items) visit(item.expression, false);
    if (command.kind === "filter") visit(command.condition, false);
    if (command.kind === "sort") for (const key of command.keys) visit(key.expression, false);
    if (command.kind === "stats") {
      for (const group of command.groups) visit(group.expression, false);
      for (const aggregation of command.aggregations) for (const arg of aggregation.args) visit(arg, false);
    }
  }
}

/** Runs the pipeline over rows in time order; `limit` caps the rows returned. */
export function runCommands(commands: readonly Command[], input: Row[], limit: number): QueryResult {
  let rows = input;
  let projection: string[] | undefined;
  let aggregated = false;
  let sorted = false;
  let recordsMatched: number | undefined;
  for (const command of commands) {
    switch (command.kind) {
      case "fields":
      case "display":
        for (const row of rows) for (const item of command.items) row[item.name] = evaluate(item.expression, row);
        projection = command.items.map((item) => item.name);
        break;
      case "filter":
        rows = rows.filter((row) => isTruthy(evaluate(command.condition, row)));
        break;
      case "stats":
        recordsMatched ??= rows.length;
        rows = aggregate(rows, command);
        projection = [
          ...command.groups.map((group) => group.name),
          ...command.aggregations.map((aggregation) => aggregation.name),
        ];
        aggregated = true;
        break;
      case "sort":
        rows = [...rows].sort((a, b) => {
          for (const key of command.keys) {
            const order = compareValues(evaluate(key.expression, a), evaluate(key.expression, b));
            if (order !== 0) return key.descending ? -order : order;
          }
          return 0;
        });
        sorted = true;
        break;
      case "limit":
        rows = rows.slice(0, command.count);
        break;
    }
  }
  if (!aggregated && !sorted)
    rows = [...rows].sort((a, b) => compareValues(b["@timestamp"] ?? null, a["@timestamp"] ?? null));
  const fields = projection ?? ["@timestamp", "@message"];
  return {
    rows: rows.slice(0, limit).map((row) => {
      const result = fields.flatMap((field) => {
        const value = row[field] ?? null;
        return value === null ? [] : [{ field, value: formatValue(value) }];
      });
      const pointer = row["@ptr"];
      if (!aggregated && typeof pointer === "string") result.push({ field: "@ptr", value: pointer });
      return result;
    }),
    recordsMatched: recordsMatched ?? rows.length,
  };
}

function aggregate(rows: readonly Row[], command: Extract<Command, { kind: "stats" }>): Row[] {
  const groups = new Map<string, { keys: Value[]; accumulators: ReturnType<typeof createAccumulator>[] }>();
  for (const row of rows) {
    const keys = command.groups.map((group) => evaluate(group.expression, row));
    const id = JSON.stringify(keys.map((key) => (key instanceof Date ? key.getTime() : key)));
    let group = groups.get(id);
    if (!group) {
      group = { keys, accumulators: command.aggregations.map(createAccumulator) };
      groups.set(id, group);
    }
    for (const accumulator of group.accumulators) accumulator.add(row);
  }
  if (groups.size === 0 && command.groups.length === 0) {
    groups.set("[]", { keys: [], accumulators: command.aggregations.map(createAccumulator) });
  }
  const result = [...groups.values()].map(({ keys, accumulators }) => {
    const row: Row = {};
    command.groups.forEach((group, index) => {
      row[group.name] = keys[index] ?? null;
    });
    command.aggregations.forEach((aggregation, index) => {
      row[aggregation.name] = accumulators[index]?.result() ?? null;
    });
    return row;
  });
  return result.sort((a, b) => {
    for (const group of command.groups) {
      const order = compareValues(a[group.name] ?? null, b[group.name] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function formatValue(value: Exclude<Value, null>): string {
  if (value instanceof Date) return insightsTimestamp(value.getTime());
  return String(value);
}
