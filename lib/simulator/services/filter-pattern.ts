import { AwsError } from "../protocols/errors";

/**
 * CloudWatch Logs filter patterns (FilterLogEvents): space-separated terms (`"Init Duration"`,
 * `ERROR`, `?a ?b` for any-of, `-x` to exclude) and JSON patterns
 * (`{ $.record.metrics.initDurationMs = * }`, `{ $.a > 5 && $.b = "x" }`).
 */
export interface FilterPattern {
  matches(message: string): boolean;
  /** True when only records with an init duration can match (lets the simulator skip the rest). */
  coldStartsOnly: boolean;
}

const INIT_TEXT = /Init Duration|initDurationMs/;
const INIT_PATH = "$.record.metrics.initDurationMs";

export function parseFilterPattern(pattern: string | undefined): FilterPattern {
  const text = pattern?.trim() ?? "";
  if (text === "") return { matches: () => true, coldStartsOnly: false };
  if (text.startsWith("{")) return parseJsonPattern(text);
  return parseTerms(text);
}

function parseTerms(text: string): FilterPattern {
  const terms = [...text.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((match) => ({
    modifier: match[1] ?? "",
    text: (match[2] ?? match[3] ?? "").replace(/\\(.)/g, "$1"),
  }));
  const anyOf = terms.filter((term) => term.modifier === "?").map((term) => term.text);
  const required = terms.filter((term) => term.modifier === "").map((term) => term.text);
  const excluded = terms.filter((term) => term.modifier === "-").map((term) => term.text);
  return {
    matches: (message) =>
      (anyOf.length === 0 || anyOf.some((term) => message.includes(term))) &&
      required.every((term) => message.includes(term)) &&
      !excluded.some((term) => message.includes(term)),
    coldStartsOnly: required.some((term) => INIT_TEXT.test(term)),
  };
}

interface Condition {
  path: string;
  operator: "=" | "!=" | "<" | "<=" | ">" | ">=";
  value: string | number | boolean | null | "*";
}

function parseJsonPattern(text: string): FilterPattern {
  if (!text.endsWith("}")) throw invalidPattern(text);
  const alternatives = text
    .slice(1, -1)
    .split("||")
    .map((alternative) => alternative.split("&&").map((condition) => parseCondition(condition.trim(), text)));
  return {
    matches: (message) => {
      let document: unknown;
      try {
        document = JSON.parse(message);
      } catch {
        return false;
      }
      return alternatives.some((conditions) => conditions.every((condition) => holds(condition, document)));
    },
    coldStartsOnly: alternatives.every((conditions) =>
      conditions.some((condition) => condition.path === INIT_PATH && condition.operator !== "!="),
    ),
  };
}

function parseCondition(text: string, pattern: string): Condition {
  const match = /^(\$(?:\.[A-Za-z0-9_-]+)+)\s*(!=|<=|>=|=|<|>)\s*(.+)$/.exec(text);
  if (!match) throw invalidPattern(pattern);
  const [, path, operator, raw] = match as unknown as [string, string, Condition["operator"], string];
  const literal = raw.trim();
  const value: Condition["value"] =
    literal === "*"
      ? "*"
      : /^".*"$/.test(literal)
        ? literal.slice(1, -1)
        : literal === "true" || literal === "false"
          ? literal === "true"
          : literal === "null"
            ? null
            : Number.isNaN(Number(literal))
              ? literal
              : Number(literal);
  return { path, operator, value };
}

function holds(condition: Condition, document: unknown): boolean {
  let current: unknown = document;
  for (const key of condition.path.split(".").slice(1)) {
    if (!current || typeof current !== "object") return false;
    current = (current as Record<string, unknown>)[key];
  }
  if (current === undefined) return false;
  if (condition.value === "*") return condition.operator === "=";
  if (typeof condition.value === "number" && typeof current === "number") {
    const difference = current - condition.value;
    const results = {
      "=": difference === 0,
      "!=": difference !== 0,
      "<": difference < 0,
      "<=": difference <= 0,
      ">": difference > 0,
      ">=": difference >= 0,
    };
    return results[condition.operator];
  }
  const equal = current === condition.value || String(current) === String(condition.value);
  return condition.operator === "=" ? equal : condition.operator === "!=" ? !equal : false;
}

const invalidPattern = (pattern: string): AwsError =>
  new AwsError("InvalidParameterException", `Invalid filter pattern: ${pattern}`);
