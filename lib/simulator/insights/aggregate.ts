import { asNumber, evaluate, type Row, type Value } from "./evaluate";
import type { Aggregation } from "./syntax";

/** Accumulates one aggregate function over the rows of one group. */
export interface Accumulator {
  add(row: Row): void;
  result(): Value;
}

export function createAccumulator(aggregation: Aggregation): Accumulator {
  const [argument, parameter] = aggregation.args;
  const argumentValue = (row: Row): Value => (argument ? evaluate(argument, row) : null);
  switch (aggregation.function) {
    case "count": {
      let count = 0;
      return {
        add: (row) => void (aggregation.star || argumentValue(row) !== null ? count++ : 0),
        result: () => count,
      };
    }
    case "count_distinct": {
      const seen = new Set<string>();
      return {
        add: (row) => {
          const value = argumentValue(row);
          if (value !== null) seen.add(String(value instanceof Date ? value.getTime() : value));
        },
        result: () => seen.size,
      };
    }
    case "earliest":
    case "latest": {
      let best: { at: number; value: Value } | undefined;
      const later = aggregation.function === "latest";
      return {
        add: (row) => {
          const at = asNumber(row["@timestamp"] ?? null) ?? 0;
          const value = argumentValue(row);
          if (value !== null && (!best || (later ? at >= best.at : at < best.at))) best = { at, value };
        },
        result: () => best?.value ?? null,
      };
    }
    default:
      return numericAccumulator(
        aggregation.function,
        argumentValue,
        parameter ? asNumber(evaluate(parameter, {})) : null,
      );
  }
}

function numericAccumulator(name: string, argumentValue: (row: Row) => Value, percentile: number | null): Accumulator {
  const values: number[] = [];
  return {
    add: (row) => {
      const value = asNumber(argumentValue(row));
      if (value !== null) values.push(value);
    },
    result: () => {
      if (values.length === 0) return null;
      const sum = values.reduce((total, value) => total + value, 0);
      switch (name) {
        case "sum":
          return sum;
        case "avg":
          return sum / values.length;
        case "min":
          return values.reduce((low, value) => Math.min(low, value));
        case "max":
          return values.reduce((high, value) => Math.max(high, value));
        case "stddev": {
          const mean = sum / values.length;
          return Math.sqrt(values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length);
        }
        default:
          return nearestRankPercentile(values, percentile ?? 50);
      }
    },
  };
}

/** Nearest-rank percentile, the definition the ground truth uses too. */
export function nearestRankPercentile(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}
