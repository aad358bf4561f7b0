import "server-only";
import { dehydrate } from "@tanstack/react-query";
import type { ApiQuery } from "./api-queries";
import { makeQueryClient } from "./client";

export interface PrefetchEntry {
  queryKey: readonly unknown[];
  load: () => Promise<unknown>;
}

/** Pairs an endpoint's query with the query module the endpoint answers from (same data, same type). */
export function prefetchEntry<T>(query: ApiQuery<T>, load: () => Promise<T>): PrefetchEntry {
  return { queryKey: query.queryKey, load };
}

/** Runs a page's query modules in a fresh client per request; returns the state for <HydrationBoundary>. */
export async function prefetchAll(entries: PrefetchEntry[]): Promise<ReturnType<typeof dehydrate>> {
  const client = makeQueryClient();
  await Promise.all(entries.map(({ queryKey, load }) => client.prefetchQuery({ queryKey, queryFn: load })));
  return dehydrate(client);
}
