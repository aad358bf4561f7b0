import type { Command, Expression } from "./syntax";

const INIT_FIELDS = new Set(["@initDuration", "record.metrics.initDurationMs"]);
const INIT_TEXT = /Init Duration|initDurationMs/;

/**
 * True when the query's filters (before any stats) can only pass records that carry an init
 * duration, so the simulator may generate cold-start records alone. Conservative: when unsure,
 * false, and every record is generated.
 */
export function onlyColdStartsCanMatch(commands: readonly Command[]): boolean {
  const aliases = new Map<string, Expression>();
  for (const command of commands) {
    if (command.kind === "stats") return false;
    if (command.kind === "fields" || command.kind === "display") {
      for (const item of command.items)
        if (!(item.expression.type === "field" && item.expression.name === item.name))
          aliases.set(item.name, item.expression);
    }
    if (command.kind === "filter" && requiresInit(command.condition, aliases)) return true;
  }
  return false;
}

function requiresInit(condition: Expression, aliases: ReadonlyMap<string, Expression>): boolean {
  switch (condition.type) {
    case "binary":
      switch (condition.operator) {
        case "and":
          return requiresInit(condition.left, aliases) || requiresInit(condition.right, aliases);
        case "or":
          return requiresInit(condition.left, aliases) && requiresInit(condition.right, aliases);
        case "like":
          return condition.left.type === "field" && condition.left.name === "@message" && mentionsInit(condition.right);
        case "=":
        case "<":
        case "<=":
        case ">":
        case ">=":
          return nullWithoutInit(condition.left, aliases) || nullWithoutInit(condition.right, aliases);
        default:
          return false;
      }
    case "call":
      return (
        condition.name === "ispresent" && condition.args[0] !== undefined && nullWithoutInit(condition.args[0], aliases)
      );
    case "in":
      return !condition.negated && nullWithoutInit(condition.operand, aliases);
    default:
      return false;
  }
}

/** True when the expression is null for every record without an init duration. */
function nullWithoutInit(expression: Expression, aliases: ReadonlyMap<string, Expression>): boolean {
  switch (expression.type) {
    case "field": {
      const alias = aliases.get(expression.name);
      return INIT_FIELDS.has(expression.name) || (alias !== undefined && nullWithoutInit(alias, aliases));
    }
    case "call":
      if (expression.name === "coalesce")
        return expression.args.length > 0 && expression.args.every((arg) => nullWithoutInit(arg, aliases));
      return (
        ["abs", "ceil", "floor"].includes(expression.name) &&
        expression.args[0] !== undefined &&
        nullWithoutInit(expression.args[0], aliases)
      );
    case "binary":
      return (
        ["+", "-", "*", "/", "%"].includes(expression.operator) &&
        (nullWithoutInit(expression.left, aliases) || nullWithoutInit(expression.right, aliases))
      );
    case "negate":
      return nullWithoutInit(expression.operand, aliases);
    default:
      return false;
  }
}

function mentionsInit(expression: Expression): boolean {
  if (expression.type === "regex") return INIT_TEXT.test(expression.pattern.source);
  return expression.type === "literal" && typeof expression.value === "string" && INIT_TEXT.test(expression.value);
}
