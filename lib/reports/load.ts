import "server-only";
import { type IsoWeekLabel, previousWeek, weekBounds } from "@/lib/analysis/weeks";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { FLEET_TEAM, findPublishedReport, findReport, listReports, reportTeams } from "@/lib/db/queries/reports";
import { parseReportDocument } from "./document";
import { buildReportView, type ReportView } from "./view";

/** The week's report for the fleet (team null) or one team; null when there is none. */
export async function loadReportView(
  week: IsoWeekLabel,
  team: string | null,
  db: Db = defaultDb,
): Promise<ReportView | null> {
  const stored = await findReport(db, week, team ?? FLEET_TEAM);
  if (stored === null) return null;
  const [previous, teamNames] = await Promise.all([
    findPublishedReport(db, previousWeek(week), team ?? FLEET_TEAM),
    reportTeams(db, week),
  ]);
  return buildReportView(
    { document: parseReportDocument(stored.body), generatedAt: stored.generatedAt },
    previous === null ? null : parseReportDocument(previous.body),
    teamNames,
  );
}

export interface ReportListEntry {
  week: IsoWeekLabel;
  provisional: boolean;
  timeZone: string;
  start: string;
  end: string;
  generatedAt: string;
}

export interface ReportList {
  team: string | null;
  /** Every team with a report, for the filter. */
  teams: string[];
  reports: ReportListEntry[];
}

/** Weeks with a report for the fleet or a team: newest first, the provisional week in progress on top. */
export async function loadReportList(team: string | null, db: Db = defaultDb): Promise<ReportList> {
  const [reports, teams] = await Promise.all([listReports(db, team ?? FLEET_TEAM), reportTeams(db)]);
  return {
    team,
    teams,
    reports: reports.map((report) => {
      const { start, end } = weekBounds(report.week, report.timeZone);
      return {
        week: report.week,
        provisional: report.provisional,
        timeZone: report.timeZone,
        start: start.toISOString(),
        end: end.toISOString(),
        generatedAt: report.generatedAt.toISOString(),
      };
    }),
  };
}
