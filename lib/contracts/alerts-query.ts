import type { Severity } from "@/lib/analysis/rules/finding";

export const SEVERITIES = ["critical", "warning", "info"] as const;
/** "active" is open or acknowledged: what needs someone, and the list's default. */
export const STATE_FILTERS = ["active", "open", "acknowledged", "resolved", "all"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** The alert list: `GET /api/alerts` and the /alerts page. */
export interface AlertsQuery {
  severity?: Severity;
  rule?: string;
  state: StateFilter;
  account?: string;
  team?: string;
  page: number;
  pageSize: number;
}
