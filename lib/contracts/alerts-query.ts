import type { Severity } from "@/lib/analysis/rules/finding";

export const SEVERITIES = ["critical", "warning", "info"] as const;
/**
 * "active" is open or acknowledged, the list's default; "attention" is what needs someone now:
 * open and not silenced; "silenced" is active under a silence.
 */
export const STATE_FILTERS = ["active", "attention", "open", "acknowledged", "silenced", "resolved", "all"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** The alert list: `GET /api/alerts` and the /alerts page. */
export interface AlertsQuery {
  severity?: Severity;
  rule?: string;
  state: StateFilter;
  account?: string;
  team?: string;
  region?: string;
  environment?: string;
  /** Free text over the function name, title, reason, subject and team. */
  q?: string;
  /** One alert group by its key. */
  group?: string;
  page: number;
  pageSize: number;
}
