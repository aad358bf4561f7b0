import type { TimeRangeQuery } from "@/lib/analysis/time-window";

/** One function's page: only the time window (alerts link here with ?from=&to=). */
export type FunctionWindowQuery = TimeRangeQuery;
