import type { MetricRow } from "@/lib/analysis/report/metrics";
import type { ReportView } from "./view";

export const CSV_COLUMNS = ["section", "metric", "team", "value", "previous", "delta"] as const;

function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // Quote what would break a row, and defuse cells a spreadsheet would run as formulas.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function lines(rows: readonly MetricRow[], team: string): string[] {
  return rows.map((r) => [r.section, r.metric, team, r.value, r.previous, r.delta].map(cell).join(","));
}

/**
 * One tidy table: every metric of the report (team column empty for the fleet and for fleet-wide
 * collection health), then each team's, with the values the page shows before rounding.
 */
export function reportCsv(view: ReportView): string {
  const team = view.team ?? "";
  return `${[
    CSV_COLUMNS.join(","),
    ...lines(view.metrics, team),
    ...lines(view.collectionMetrics, ""),
    ...view.teams.flatMap((t) => lines(t.metrics, t.team)),
  ].join("\r\n")}\r\n`;
}
