"use client";

import { useQueryStates } from "nuqs";
import { apiQueries } from "@/lib/query/api-queries";
import { useApiQuery } from "@/lib/query/use-api-query";
import { functionsView } from "@/lib/url-state/functions-view";
import { timeRangeParsers } from "@/lib/url-state/time-range";
import { canonicalSearch } from "@/lib/url-state/view";
import { QueryState } from "../ui/query-state";
import { EmptyState } from "../ui/states";
import { TimeRangePicker } from "../ui/time-range-picker";
import { FunctionsFilters } from "./functions-filters";
import { FunctionsTable } from "./functions-table";
import { Pagination } from "./pagination";

export function FunctionsView() {
  const [state, set] = useQueryStates(functionsView.parsers);
  const search = canonicalSearch(functionsView.parsers, state);
  const windowSearch = canonicalSearch(timeRangeParsers, { range: state.range, from: state.from, to: state.to });
  const page = useApiQuery(apiQueries.functions(search));
  const facets = useApiQuery(apiQueries.fleetFacets());

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FunctionsFilters facets={facets.data} />
        <div className="flex flex-wrap items-center gap-2">
          <TimeRangePicker />
          <a
            href={`/api/functions.csv${search ? `?${search}` : ""}`}
            className="rounded border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            download
          >
            Export CSV
          </a>
        </div>
      </div>
      <QueryState query={page} what="the functions" skeletonClassName="h-96">
        {(data) =>
          data.total === 0 ? (
            <EmptyState title="No functions match">
              Clear some filters — or, if the fleet is empty, configure accounts in <code>imagefleet.config.json</code>{" "}
              and wait for the first collection.
            </EmptyState>
          ) : (
            <div
              className={`space-y-2 ${page.isPlaceholderData ? "opacity-60" : ""}`}
              aria-busy={page.isPlaceholderData}
            >
              <FunctionsTable
                data={data}
                sort={state.sort}
                dir={state.dir}
                windowSearch={windowSearch}
                onSort={(sort, dir) => void set({ sort, dir, page: null })}
              />
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => void set({ page: p })}
                onPageSize={(size) => void set({ pageSize: size, page: null })}
              />
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
