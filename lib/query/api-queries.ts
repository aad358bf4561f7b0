import type { AccountStatus } from "@/lib/contracts/accounts";
import type { ColdStartSeries, FleetFacets, FleetSummary, FleetTopLists, LifecycleSeries } from "@/lib/contracts/fleet";
import type { FunctionDetail } from "@/lib/contracts/function-detail";
import type { FunctionPage } from "@/lib/contracts/functions";
// One entry per JSON endpoint a page reads: the React Query key and the URL. A server page
// prefetches under the same key with the query module the endpoint calls, so the client finds
// the data already there and only refetches to stay fresh.

export interface ApiQuery<T> {
  queryKey: readonly unknown[];
  url: string;
  /** Phantom: ties the answer's type to the entry. */
  readonly data?: T;
}

const withSearch = (path: string, search: string) => (search ? `${path}?${search}` : path);

export const apiQueries = {
  fleetSummary: (): ApiQuery<FleetSummary> => ({ queryKey: ["fleet", "summary"], url: "/api/fleet/summary" }),
  fleetFacets: (): ApiQuery<FleetFacets> => ({ queryKey: ["fleet", "facets"], url: "/api/fleet/facets" }),
  fleetLifecycle: (search: string): ApiQuery<LifecycleSeries> => ({
    queryKey: ["fleet", "lifecycle", search],
    url: withSearch("/api/fleet/lifecycle", search),
  }),
  fleetColdStarts: (search: string): ApiQuery<ColdStartSeries> => ({
    queryKey: ["fleet", "cold-starts", search],
    url: withSearch("/api/fleet/cold-starts", search),
  }),
  fleetTop: (search: string): ApiQuery<FleetTopLists> => ({
    queryKey: ["fleet", "top", search],
    url: withSearch("/api/fleet/top", search),
  }),
  functions: (search: string): ApiQuery<FunctionPage> => ({
    queryKey: ["functions", search],
    url: withSearch("/api/functions", search),
  }),
  functionDetail: (path: FunctionPath, search: string): ApiQuery<FunctionDetail> => ({
    queryKey: ["function", path.account, path.region, path.name, search],
    url: withSearch(`/api/functions/${functionPathname(path)}`, search),
  }),
  accounts: (): ApiQuery<AccountStatus[]> => ({ queryKey: ["accounts"], url: "/api/accounts" }),
};

export interface FunctionPath {
  account: string;
  region: string;
  name: string;
}

export function functionPathname(path: FunctionPath): string {
  return [path.account, path.region, path.name].map(encodeURIComponent).join("/");
}
