import { durationMilliseconds, type Token, tokenize } from "./lexer";
import {
  type Aggregation,
  type BinaryOperator,
  type Command,
  type Expression,
  type NamedExpression,
  QuerySyntaxError,
} from "./syntax";

export const AGGREGATE_FUNCTIONS = new Set([
  "count",
  "count_distinct",
  "sum",
  "avg",
  "min",
  "max",
  "pct",
  "percentile",
  "stddev",
  "earliest",
  "latest",
]);

const COMPARISONS = new Set(["=", "!=", "<", "<=", ">", ">=", "=~"]);

/** Parses a Logs Insights query into its commands; throws QuerySyntaxError with a readable reason. */
export function parseQuery(query: string): Command[] {
  return new Parser(query).parse();
}

class Parser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parse(): Command[] {
    const commands: Command[] = [];
    while (this.peek().kind !== "end") {
      if (this.peekIs("|")) {
        this.position++;
        continue;
      }
      commands.push(this.command());
      if (!this.peekIs("|") && this.peek().kind !== "end") this.fail(`unexpected '${this.peek().text}'`);
    }
    if (commands.length === 0) throw new QuerySyntaxError("empty query");
    return commands;
  }

  private command(): Command {
    const keyword = this.next().text.toLowerCase();
    switch (keyword) {
      case "fields":
      case "display":
        return { kind: keyword, items: this.list(() => this.named()) };
      case "filter":
        return { kind: "filter", condition: this.expression() };
      case "stats":
        return this.stats();
      case "sort":
        return {
          kind: "sort",
          keys: this.list(() => {
            const expression = this.expression();
            const direction = this.peekOperator();
            if (direction === "asc" || direction === "desc") this.position++;
            return { expression, descending: direction !== "asc" };
          }),
        };
      case "limit": {
        const count = Number(this.expect("number").text);
        if (!Number.isInteger(count) || count < 1 || count > 10_000)
          this.fail("limit must be an integer between 1 and 10000");
        return { kind: "limit", count };
      }
      default:
        return this.fail(`unsupported command '${keyword}'`);
    }
  }

  private stats(): Command {
    const aggregations = this.list((): Aggregation => {
      const start = this.peek().start;
      const expression = this.expression();
      if (expression.type !== "call" || !AGGREGATE_FUNCTIONS.has(expression.name))
        this.fail("stats expects aggregate functions such as count(*), avg(), pct()");
      const call = expression as Extract<Expression, { type: "call" }>;
      return { function: call.name, args: call.args, star: call.star, name: this.alias() ?? this.textFrom(start) };
    });
    let groups: NamedExpression[] = [];
    if (this.peekOperator() === "by") {
      this.position++;
      groups = this.list(() => this.named());
    }
    return { kind: "stats", aggregations, groups };
  }

  private named(): NamedExpression {
    const start = this.peek().start;
    const expression = this.expression();
    const text = this.textFrom(start);
    return { expression, name: this.alias() ?? (expression.type === "field" ? expression.name : text) };
  }

  private alias(): string | undefined {
    if (this.peekOperator() !== "as") return undefined;
    this.position++;
    return this.expect("identifier").text;
  }

  private list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.peekIs(",")) {
      this.position++;
      items.push(item());
    }
    return items;
  }

  private expression(): Expression {
    return this.binaryLevel(["or"], () => this.binaryLevel(["and"], () => this.negation()));
  }

  private binaryLevel(operators: string[], operand: () => Expression): Expression {
    let left = operand();
    while (operators.includes(this.peekOperator())) {
      const operator = this.next().text.toLowerCase() as BinaryOperator;
      left = { type: "binary", operator, left, right: operand() };
    }
    return left;
  }

  private negation(): Expression {
    if (this.peekOperator() === "not") {
      this.position++;
      return { type: "not", operand: this.negation() };
    }
    return this.comparison();
  }

  private comparison(): Expression {
    const left = this.additive();
    const word = this.peekOperator();
    if (COMPARISONS.has(word)) {
      this.position++;
      const operator: BinaryOperator = word === "=~" ? "like" : (word as BinaryOperator);
      return { type: "binary", operator, left, right: this.additive() };
    }
    if (word === "like") {
      this.position++;
      return { type: "binary", operator: "like", left, right: this.additive() };
    }
    if (word === "not" && ["like", "in"].includes(this.tokens[this.position + 1]?.text.toLowerCase() ?? "")) {
      this.position++;
      const negated = this.next().text.toLowerCase();
      return negated === "like"
        ? { type: "binary", operator: "not like", left, right: this.additive() }
        : this.inList(left, true);
    }
    if (word === "in") {
      this.position++;
      return this.inList(left, false);
    }
    return left;
  }

  private inList(operand: Expression, negated: boolean): Expression {
    this.expectText("[");
    const values = this.peekIs("]") ? [] : this.list(() => this.additive());
    this.expectText("]");
    return { type: "in", operand, values, negated };
  }

  private additive(): Expression {
    return this.binaryLevel(["+", "-"], () => this.multiplicative());
  }

  private multiplicative(): Expression {
    return this.binaryLevel(["*", "/", "%"], () => this.unary());
  }

  private unary(): Expression {
    if (this.peekIs("-")) {
      this.position++;
      return { type: "negate", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expression {
    const token = this.next();
    switch (token.kind) {
      case "number":
        return { type: "literal", value: Number(token.text) };
      case "string":
        return { type: "literal", value: token.text };
      case "duration":
        return { type: "duration", milliseconds: durationMilliseconds(token.text) };
      case "regex": {
        const slash = token.text.lastIndexOf("/");
        try {
          return { type: "regex", pattern: new RegExp(token.text.slice(0, slash), token.text.slice(slash + 1)) };
        } catch {
          return this.fail(`invalid regular expression /${token.text}`);
        }
      }
      case "identifier":
        return this.peekIs("(") ? this.call(token.text.toLowerCase()) : { type: "field", name: token.text };
      case "punctuation":
        if (token.text === "(") {
          const inner = this.expression();
          this.expectText(")");
          return inner;
        }
        return this.fail(`unexpected '${token.text}'`);
      default:
        return this.fail("unexpected end of query");
    }
  }

  private call(name: string): Expression {
    this.expectText("(");
    if (this.peekIs("*")) {
      this.position++;
      this.expectText(")");
      return { type: "call", name, args: [], star: true };
    }
    const args = this.peekIs(")") ? [] : this.list(() => this.expression());
    this.expectText(")");
    return { type: "call", name, args, star: false };
  }

  private textFrom(start: number): string {
    const previous = this.tokens[this.position - 1];
    return this.source.slice(start, previous?.end ?? start).trim();
  }

  private peek(): Token {
    return this.tokens[this.position] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  /** The next token's text if it can be an operator or keyword (never a quoted string). */
  private peekOperator(): string {
    const token = this.peek();
    return token.kind === "punctuation" || token.kind === "identifier" ? token.text.toLowerCase() : "";
  }

  private peekIs(text: string): boolean {
    const token = this.peek();
    return token.kind === "punctuation" && token.text === text;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.position++;
    return token;
  }

  private expect(kind: Token["kind"]): Token {
    const token = this.next();
    if (token.kind !== kind) this.fail(`expected ${kind} but found '${token.text}'`);
    return token;
  }

  private expectText(text: string): void {
    const token = this.next();
    if (token.text !== text) this.fail(`expected '${text}' but found '${token.text}'`);
  }

  private fail(message: string): never {
    throw new QuerySyntaxError(`${message} (at character ${this.peek().start})`);
  }
}
