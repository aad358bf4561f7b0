import type { TimeRangeQuery } from "@/lib/analysis/time-window";
import type { FunctionState, PackageType } from "@/lib/analysis/types";

export const FUNCTION_SORTS = [
  "name",
  "packageType",
  "state",
  "account",
  "region",
  "team",
  "architecture",
  "memory",
  "lastInvoked",
  "coldStarts",
  "coldStartRate",
  "initP95",
  "imagePushedAt",
] as const;
export type FunctionSort = (typeof FUNCTION_SORTS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const DELETED_FILTERS = ["exclude", "include", "only"] as const;
export type DeletedFilter = (typeof DELETED_FILTERS)[number];
export const ARCHITECTURES = ["x86_64", "arm64"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** The filters alone: what a CSV export covers (every page, the same order). */
export interface FunctionsFilter extends TimeRangeQuery {
  packageType?: PackageType;
  state?: FunctionState;
  account?: string;
  region?: string;
  team?: string;
  architecture?: Architecture;
  deleted: DeletedFilter;
  idleMin?: number;
  q?: string;
  sort: FunctionSort;
  dir: SortDirection;
}

/** One page of the functions table. */
export interface FunctionsQuery extends FunctionsFilter {
  page: number;
  pageSize: number;
}
