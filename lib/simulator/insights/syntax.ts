/** The Logs Insights query language subset the simulator understands: syntax tree types. */

export type Expression =
  | { type: "field"; name: string }
  | { type: "literal"; value: string | number }
  | { type: "duration"; milliseconds: number }
  | { type: "regex"; pattern: RegExp }
  | { type: "call"; name: string; args: Expression[]; star: boolean }
  | { type: "binary"; operator: BinaryOperator; left: Expression; right: Expression }
  | { type: "not"; operand: Expression }
  | { type: "negate"; operand: Expression }
  | { type: "in"; operand: Expression; values: Expression[]; negated: boolean };

export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "and"
  | "or"
  | "like"
  | "not like";

/** An expression and the name its value appears under (alias, or the expression's own text). */
export interface NamedExpression {
  expression: Expression;
  name: string;
}

export interface Aggregation {
  function: string;
  args: Expression[];
  star: boolean;
  name: string;
}

export type Command =
  | { kind: "fields"; items: NamedExpression[] }
  | { kind: "display"; items: NamedExpression[] }
  | { kind: "filter"; condition: Expression }
  | { kind: "stats"; aggregations: Aggregation[]; groups: NamedExpression[] }
  | { kind: "sort"; keys: { expression: Expression; descending: boolean }[] }
  | { kind: "limit"; count: number };

export class QuerySyntaxError extends Error {}
