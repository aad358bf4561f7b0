"use client";

import { useQueryStates } from "nuqs";
import { alertsView } from "@/lib/alerts/view";
import { alertQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { canonicalSearch } from "@/lib/url-state/view";
import { formatCount } from "../ui/format";
import { QueryState } from "../ui/query-state";
import { EmptyState } from "../ui/states";
import { AlertFilters } from "./alert-filters";
import { AlertTable } from "./alert-table";

const pageButton =
  "rounded border border-zinc-300 px-2 py-1 hover:bg-zinc-100 disabled:opacity-40 disabled:hover:bg-transparent dark:border-zinc-700 dark:hover:bg-zinc-800";

export function AlertListView() {
  const [state, set] = useQueryStates(alertsView.parsers);
  const list = useApiQuery(alertQueries.list(canonicalSearch(alertsView.parsers, state)));
  return (
    <div className="space-y-3">
      <AlertFilters facets={list.data?.facets} />
      <QueryState query={list} what="the alerts" skeletonClassName="h-96">
        {(data) =>
          data.total === 0 ? (
            <EmptyState title="No alerts match">
              {state.state === "active"
                ? "Nothing needs attention right now. Resolved alerts stay under the “resolved” state."
                : "Clear some filters to see more."}
            </EmptyState>
          ) : (
            <div
              className={`space-y-2 ${list.isPlaceholderData ? "opacity-60" : ""}`}
              aria-busy={list.isPlaceholderData}
            >
              <AlertTable alerts={data.alerts} />
              <nav aria-label="Pages" className="flex items-center justify-between text-sm">
                <p className="tabular-nums text-zinc-600 dark:text-zinc-400" aria-live="polite">
                  {formatCount((data.page - 1) * data.pageSize + 1)}–
                  {formatCount(Math.min(data.total, data.page * data.pageSize))} of {formatCount(data.total)} alerts
                </p>
                <div className="flex gap-2">
                  <button
                    type="button"
                    className={pageButton}
                    disabled={data.page <= 1}
                    onClick={() => void set({ page: data.page - 1 })}
                  >
                    Previous
                  </button>
                  <button
                    type="button"
                    className={pageButton}
                    disabled={data.page * data.pageSize >= data.total}
                    onClick={() => void set({ page: data.page + 1 })}
                  >
                    Next
                  </button>
                </div>
              </nav>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
