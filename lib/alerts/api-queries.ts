// The React Query entries of the alert endpoints: pages prefetch under these keys with the query
// module the endpoint calls, so the client finds the data already there.
import type { AlertCounts, AlertDetail, AlertGroupList } from "@/lib/db/queries/alerts";
import type { SilenceList } from "@/lib/db/queries/silences";
import type { ApiQuery } from "@/lib/query/api-queries";

export const alertQueries = {
  groups: (search: string): ApiQuery<AlertGroupList> => ({
    queryKey: ["alerts", "groups", search],
    url: search ? `/api/alerts/groups?${search}` : "/api/alerts/groups",
  }),
  silences: (): ApiQuery<SilenceList> => ({ queryKey: ["alerts", "silences"], url: "/api/alerts/silences" }),
  counts: (): ApiQuery<AlertCounts> => ({ queryKey: ["alerts", "counts"], url: "/api/alerts/counts" }),
  detail: (id: string): ApiQuery<AlertDetail> => ({
    queryKey: ["alerts", "detail", id],
    url: `/api/alerts/${encodeURIComponent(id)}`,
  }),
};

/** Every alert query: what a state change makes stale. */
export const ALL_ALERTS_KEY = ["alerts"] as const;
