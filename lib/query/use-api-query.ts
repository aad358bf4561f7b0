"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ApiQuery } from "./api-queries";
import { fetchJson } from "./fetch-json";

/** Pages refresh while open: collection runs every few minutes, so half a minute is fresh enough. */
export const REFRESH_INTERVAL_MS = 30_000;

export function useApiQuery<T>(query: ApiQuery<T>) {
  return useQuery({
    queryKey: query.queryKey,
    queryFn: () => fetchJson<T>(query.url),
    refetchInterval: REFRESH_INTERVAL_MS,
    // A new filter keeps showing the previous answer until its own arrives: no flash of skeletons.
    placeholderData: keepPreviousData,
  });
}
