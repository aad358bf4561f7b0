import { createLoader, createSerializer, type inferParserType, type Nullable, type ParserMap } from "nuqs/server";
import type { z } from "zod";

/**
 * One view's URL state: nuqs parsers for the client, zod schemas for the API and the page, and the
 * canonical query string both sides derive from the parsed state. The canonical string is the
 * React Query key and the API query, so a server prefetch and the client's fetch always meet.
 */
export interface ViewState<Parsers extends ParserMap, Query> {
  parsers: Parsers;
  schemas: { api: z.ZodType<Query>; page: z.ZodType<Query> };
}

export type SearchRecord = Record<string, string | string[] | undefined>;

export function canonicalSearch<Parsers extends ParserMap>(
  parsers: Parsers,
  values: Partial<Nullable<inferParserType<Parsers>>>,
): string {
  return createSerializer(parsers)(values).replace(/^\?/, "");
}

export type PageQuery<Query> =
  | { ok: true; query: Query; search: string }
  | { ok: false; problems: { field: string; message: string }[] };

/**
 * Reads a page's searchParams: invalid values become problems to show (nuqs alone would silently
 * drop them, and the page would show something other than what the link asked for).
 */
export function readPageQuery<Parsers extends ParserMap, Query>(
  view: ViewState<Parsers, Query>,
  searchParams: SearchRecord,
): PageQuery<Query> {
  const checked = view.schemas.page.safeParse(firstValues(searchParams));
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        field: issue.path.join(".") || "(query)",
        message: issue.message,
      })),
    };
  }
  const search = canonicalSearch(view.parsers, createLoader(view.parsers)(searchParams));
  return { ok: true, query: view.schemas.api.parse(Object.fromEntries(new URLSearchParams(search))), search };
}

function firstValues(record: SearchRecord): Record<string, string> {
  const entries = Object.entries(record).flatMap(([key, value]) => {
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? [] : [[key, first] as const];
  });
  return Object.fromEntries(entries);
}
