import type { AccountStatus } from "@/lib/contracts/accounts";
import type { AlertCounts, AlertDetail, AlertList } from "@/lib/contracts/alerts";
import type { ColdStartSeries, FleetFacets, FleetSummary, FleetTopLists, LifecycleSeries } from "@/lib/contracts/fleet";
import type { FunctionDetail } from "@/lib/contracts/function-detail";
import type { FunctionPage } from "@/lib/contracts/functions";
import type { IdleThresholdAnswer } from "@/lib/contracts/idle-threshold";
import type { ReportList } from "@/lib/reports/load";
import type { ReportView } from "@/lib/reports/view";
// The one registry of the JSON endpoints pages read: one entry per endpoint: the React Query key and the URL. A server page
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
  fleetIdleThreshold: (): ApiQuery<IdleThresholdAnswer> => ({
    queryKey: ["fleet", "idle-threshold"],
    url: "/api/fleet/idle-threshold",
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

/** The alert endpoints. */
export const alertQueries = {
  list: (search: string): ApiQuery<AlertList> => ({
    queryKey: ["alerts", "list", search],
    url: search ? `/api/alerts?${search}` : "/api/alerts",
  }),
  counts: (): ApiQuery<AlertCounts> => ({ queryKey: ["alerts", "counts"], url: "/api/alerts/counts" }),
  detail: (id: string): ApiQuery<AlertDetail> => ({
    queryKey: ["alerts", "detail", id],
    url: `/api/alerts/${encodeURIComponent(id)}`,
  }),
};

/** Every alert query: what a state change makes stale. */
export const ALL_ALERTS_KEY = ["alerts"] as const;

/** The report endpoints pages read (and prefetch under the same keys). */
export const reportQueries = {
  list: (search: string): ApiQuery<ReportList> => ({
    queryKey: ["reports", search],
    url: withSearch("/api/reports", search),
  }),
  report: (week: string, search: string): ApiQuery<ReportView> => ({
    queryKey: ["report", week, search],
    url: withSearch(`/api/reports/${week}.json`, search),
  }),
};
