import type { ApiQuery } from "@/lib/query/api-queries";
import type { ReportList } from "./load";
import type { ReportView } from "./view";

const withSearch = (path: string, search: string) => (search ? `${path}?${search}` : path);

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
