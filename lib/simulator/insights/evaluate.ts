import type { Expression } from "./syntax";
import { QuerySyntaxError } from "./syntax";

/** Timestamps are Dates so results print them the way Insights does. */
export type Value = string | number | boolean | Date | null;
export type Row = Record<string, Value>;

export const asNumber = (value: Value): number | null => {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return null;
};

const asText = (value: Value): string | null => {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : String(value);
};

export const SCALAR_FUNCTIONS = new Set([
  "coalesce",
  "ispresent",
  "isempty",
  "isblank",
  "concat",
  "strlen",
  "tolower",
  "toupper",
  "trim",
  "abs",
  "ceil",
  "floor",
  "greatest",
  "least",
  "bin",
  "datefloor",
  "dateceil",
  "frommillis",
  "tomillis",
]);

export const isTruthy = (value: Value): boolean => value !== null && value !== false && value !== "" && value !== 0;

export function evaluate(expression: Expression, row: Row): Value {
  switch (expression.type) {
    case "field":
      return row[expression.name] ?? null;
    case "literal":
      return expression.value;
    case "duration":
      return expression.milliseconds;
    case "regex":
      return expression.pattern.source;
    case "negate": {
      const value = asNumber(evaluate(expression.operand, row));
      return value === null ? null : -value;
    }
    case "not":
      return !isTruthy(evaluate(expression.operand, row));
    case "in": {
      const value = evaluate(expression.operand, row);
      const found = value !== null && expression.values.some((candidate) => equals(value, evaluate(candidate, row)));
      return expression.negated ? !found && value !== null : found;
    }
    case "binary":
      return binary(expression, row);
    case "call":
      return call(expression.name, expression.args, row);
  }
}

function binary(expression: Extract<Expression, { type: "binary" }>, row: Row): Value {
  const { operator } = expression;
  if (operator === "and") return isTruthy(evaluate(expression.left, row)) && isTruthy(evaluate(expression.right, row));
  if (operator === "or") return isTruthy(evaluate(expression.left, row)) || isTruthy(evaluate(expression.right, row));
  const left = evaluate(expression.left, row);
  if (operator === "like" || operator === "not like") {
    const text = asText(left);
    if (text === null) return false;
    const matches =
      expression.right.type === "regex"
        ? expression.right.pattern.test(text)
        : text.includes(asText(evaluate(expression.right, row)) ?? "");
    return operator === "like" ? matches : !matches;
  }
  const right = evaluate(expression.right, row);
  if (left === null || right === null) return operator === "!=" ? left !== right : null;
  switch (operator) {
    case "=":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compareOrdered(left, right, operator);
    default:
      return arithmetic(operator, asNumber(left), asNumber(right));
  }
}

function arithmetic(operator: "+" | "-" | "*" | "/" | "%", left: number | null, right: number | null): Value {
  if (left === null || right === null) return null;
  switch (operator) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return right === 0 ? null : left / right;
    case "%":
      return right === 0 ? null : left % right;
  }
}

function equals(left: Value, right: Value): boolean {
  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (leftNumber !== null && rightNumber !== null) return leftNumber === rightNumber;
  return asText(left) === asText(right);
}

function compareOrdered(left: Value, right: Value, operator: "<" | "<=" | ">" | ">="): boolean {
  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  const order =
    leftNumber !== null && rightNumber !== null
      ? leftNumber - rightNumber
      : (asText(left) ?? "").localeCompare(asText(right) ?? "");
  switch (operator) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

/** Orders values for `sort`: numbers and times numerically, the rest as text; nulls last. */
export function compareValues(left: Value, right: Value): number {
  if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (leftNumber !== null && rightNumber !== null) return leftNumber - rightNumber;
  return (asText(left) ?? "").localeCompare(asText(right) ?? "");
}

function call(name: string, args: Expression[], row: Row): Value {
  const values = () => args.map((arg) => evaluate(arg, row));
  const numbers = () => values().map(asNumber);
  const first = () => (args[0] ? evaluate(args[0], row) : null);
  switch (name) {
    case "coalesce":
      return values().find((value) => value !== null) ?? null;
    case "ispresent":
      return first() !== null;
    case "isempty":
      return first() === null || first() === "";
    case "isblank":
      return asText(first())?.trim() === "" || first() === null;
    case "concat":
      return values()
        .map((value) => asText(value) ?? "")
        .join("");
    case "strlen":
      return asText(first())?.length ?? null;
    case "tolower":
      return asText(first())?.toLowerCase() ?? null;
    case "toupper":
      return asText(first())?.toUpperCase() ?? null;
    case "trim":
      return asText(first())?.trim() ?? null;
    case "abs":
    case "ceil":
    case "floor": {
      const value = numbers()[0];
      return value === null || value === undefined ? null : Math[name](value);
    }
    case "greatest":
    case "least": {
      const present = numbers().filter((value): value is number => value !== null);
      return present.length === 0 ? null : name === "greatest" ? Math.max(...present) : Math.min(...present);
    }
    case "bin":
      return floorTime(row["@timestamp"] ?? null, args[0] ? evaluate(args[0], row) : null);
    case "datefloor":
    case "dateceil": {
      const [time, unit] = values();
      const floored = floorTime(time ?? null, unit ?? null);
      const step = asNumber(unit ?? null);
      if (name === "datefloor" || floored === null || step === null) return floored;
      return floored.getTime() === asNumber(time ?? null) ? floored : new Date(floored.getTime() + step);
    }
    case "frommillis": {
      const value = numbers()[0];
      return value === null || value === undefined ? null : new Date(value);
    }
    case "tomillis":
      return asNumber(first());
    default:
      throw new QuerySyntaxError(`unsupported function ${name}()`);
  }
}

function floorTime(time: Value, period: Value): Date | null {
  const at = asNumber(time);
  const step = asNumber(period);
  if (at === null || step === null || step <= 0) return null;
  return new Date(Math.floor(at / step) * step);
}
