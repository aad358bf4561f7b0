"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState, Skeleton } from "./states";

/**
 * Renders a query's data, or what is happening instead: a skeleton while the first answer is on
 * its way, the API's message when it failed (with a retry). A failed background refresh keeps
 * showing the last good data.
 */
export function QueryState<T>({
  query,
  what,
  skeletonClassName = "h-64",
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  skeletonClassName?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <ErrorState title={`Could not load ${what}`} message={query.error.message} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <div role="status" aria-label={`Loading ${what}`}>
      <Skeleton className={skeletonClassName} />
    </div>
  );
}
