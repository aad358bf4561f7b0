import type { IsoWeekLabel } from "@/lib/analysis/weeks";

const teamQuery = (team: string | null) => (team === null ? "" : `?${new URLSearchParams({ team })}`);

/** The report page of a week, for the fleet or one team. */
export function reportPath(week: IsoWeekLabel, team: string | null): string {
  return `/reports/${week}${teamQuery(team)}`;
}

/** The export of a week's report as JSON or CSV (its metrics, or with `section` one of its lists). */
export function reportExportPath(
  week: IsoWeekLabel,
  format: "json" | "csv",
  team: string | null,
  section?: string,
): string {
  const query = new URLSearchParams({ ...(team === null ? {} : { team }), ...(section ? { section } : {}) });
  return `/api/reports/${week}.${format}${query.size > 0 ? `?${query}` : ""}`;
}

/** The file name a week's CSV (its metrics, or one list) is saved or attached as. */
export function reportCsvFileName(week: IsoWeekLabel, team: string | null, section = "metrics"): string {
  const teamPart = team === null ? "" : `-${team.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return `imagefleet-report-${week}${teamPart}${section === "metrics" ? "" : `-${section}`}.csv`;
}
