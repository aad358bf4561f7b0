import type { TimeRangeQuery } from "@/lib/analysis/time-window";
import type { PackageType } from "@/lib/analysis/types";

/** The overview: a time range and the slice of the fleet its charts and lists cover. */
export interface FleetQuery extends TimeRangeQuery {
  account?: string;
  region?: string;
  packageType?: PackageType;
}
