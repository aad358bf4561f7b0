import { QuerySyntaxError } from "./syntax";

export type TokenKind = "identifier" | "number" | "duration" | "string" | "regex" | "punctuation" | "end";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets in the query, so unaliased expressions can be named by their source text. */
  start: number;
  end: number;
}

const PUNCTUATION = ["!=", "<=", ">=", "=~", "|", ",", "(", ")", "[", "]", "+", "-", "*", "/", "%", "=", "<", ">"];
const DURATION_UNITS = /^(ms|s|sec|m|min|h|hr|d|w|mo|q|y)$/;
/** After these tokens a `/` opens a regular expression rather than dividing. */
const REGEX_CONTEXT = new Set(["like", "=~", "(", ",", "[", "=", "!=", "|", "filter", "not", "and", "or"]);

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  const push = (kind: TokenKind, start: number, end: number, text = query.slice(start, end)) =>
    tokens.push({ kind, text, start, end });
  while (position < query.length) {
    const char = query.charAt(position);
    if (/\s/.test(char)) {
      position++;
    } else if (char === "#") {
      while (position < query.length && query.charAt(position) !== "\n") position++;
    } else if (char === '"' || char === "'") {
      const end = closingQuote(query, position, char);
      push("string", position, end + 1, unescapeQuoted(query.slice(position + 1, end)));
      position = end + 1;
    } else if (char === "`") {
      const end = query.indexOf("`", position + 1);
      if (end < 0) throw new QuerySyntaxError(`unterminated backtick at ${position}`);
      push("identifier", position, end + 1, query.slice(position + 1, end));
      position = end + 1;
    } else if (
      char === "/" &&
      (tokens.length === 0 || REGEX_CONTEXT.has(tokens[tokens.length - 1]?.text.toLowerCase() ?? ""))
    ) {
      const end = closingQuote(query, position, "/");
      const flags = /^[a-z]*/.exec(query.slice(end + 1))?.[0] ?? "";
      push("regex", position, end + 1 + flags.length, `${query.slice(position + 1, end)}/${flags}`);
      position = end + 1 + flags.length;
    } else if (/[0-9]/.test(char) || (char === "." && /[0-9]/.test(query.charAt(position + 1)))) {
      const number = /^[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?/i.exec(query.slice(position))?.[0] ?? char;
      const unit = /^[a-z]+/i.exec(query.slice(position + number.length))?.[0];
      if (unit && DURATION_UNITS.test(unit)) {
        push("duration", position, position + number.length + unit.length);
        position += number.length + unit.length;
      } else {
        push("number", position, position + number.length);
        position += number.length;
      }
    } else if (/[A-Za-z_@$]/.test(char)) {
      const name = /^[A-Za-z_@$][A-Za-z0-9_@$.]*/.exec(query.slice(position))?.[0] ?? char;
      push("identifier", position, position + name.length);
      position += name.length;
    } else {
      const punctuation = PUNCTUATION.find((candidate) => query.startsWith(candidate, position));
      if (!punctuation) throw new QuerySyntaxError(`unexpected character '${char}' at ${position}`);
      push("punctuation", position, position + punctuation.length);
      position += punctuation.length;
    }
  }
  tokens.push({ kind: "end", text: "", start: query.length, end: query.length });
  return tokens;
}

function closingQuote(query: string, start: number, quote: string): number {
  for (let i = start + 1; i < query.length; i++) {
    if (query.charAt(i) === "\\") i++;
    else if (query.charAt(i) === quote) return i;
  }
  throw new QuerySyntaxError(`unterminated ${quote} at ${start}`);
}

const unescapeQuoted = (text: string): string => text.replace(/\\(.)/g, "$1");

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  mo: 30 * 86_400_000,
  q: 90 * 86_400_000,
  y: 365 * 86_400_000,
};

export function durationMilliseconds(text: string): number {
  const match = /^([0-9.]+)([a-z]+)$/i.exec(text);
  const unit = UNIT_MS[match?.[2]?.toLowerCase() ?? ""];
  if (!match || unit === undefined) throw new QuerySyntaxError(`invalid duration ${text}`);
  return Number(match[1]) * unit;
}
