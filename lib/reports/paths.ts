import type { IsoWeekLabel } from "@/lib/analysis/weeks";

const teamQuery = (team: string | null) => (team === null ? "" : `?${new URLSearchParams({ team })}`);

/** The report page of a week, for the fleet or one team. */
export function reportPath(week: IsoWeekLabel, team: string | null): string {
  return `/reports/${week}${teamQuery(team)}`;
}

/** The export of a week's report as JSON or CSV. */
export function reportExportPath(week: IsoWeekLabel, format: "json" | "csv", team: string | null): string {
  return `/api/reports/${week}.${format}${teamQuery(team)}`;
}

/** The file name a week's CSV is saved or attached as. */
export function reportCsvFileName(week: IsoWeekLabel, team: string | null): string {
  return `imagefleet-report-${week}${team === null ? "" : `-${team.replace(/[^A-Za-z0-9_-]/g, "_")}`}.csv`;
}
