import "server-only";
import { type AccountScope, mayReadReport } from "@/lib/analysis/scope";
import { type IsoWeekLabel, previousWeek, weekBounds } from "@/lib/analysis/weeks";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { FLEET_TEAM, findPublishedReport, findReport, listReports, reportTeams } from "@/lib/db/queries/reports";
import { parseReportDocument } from "./document";
import { buildReportView, type ReportView } from "./view";

export interface LoadOptions {
  db?: Db;
  /** What the user may see; null (the default) is everything. */
  scope?: AccountScope;
}

/** The teams among `teams` whose reports the user may read. */
const readableTeams = (scope: AccountScope, teams: string[]) => teams.filter((team) => mayReadReport(scope, team));

/** The week's report for the fleet (team null) or one team; null when there is none (or the user may not read it). */
export async function loadReportView(
  week: IsoWeekLabel,
  team: string | null,
  options: LoadOptions = {},
): Promise<ReportView | null> {
  const { db = defaultDb, scope = null } = options;
  if (!mayReadReport(scope, team)) return null;
  const stored = await findReport(db, week, team ?? FLEET_TEAM);
  if (stored === null) return null;
  const [previous, teamNames] = await Promise.all([
    findPublishedReport(db, previousWeek(week), team ?? FLEET_TEAM),
    reportTeams(db, week),
  ]);
  return buildReportView(
    { document: parseReportDocument(stored.body), generatedAt: stored.generatedAt },
    previous === null ? null : parseReportDocument(previous.body),
    readableTeams(scope, teamNames),
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

/**
 * Weeks with a report for the fleet or a team: newest first, the provisional week in progress on top.
 * A restricted user who asks for the fleet gets their first team's instead.
 */
export async function loadReportList(team: string | null, options: LoadOptions = {}): Promise<ReportList> {
  const { db = defaultDb, scope = null } = options;
  const shown = team === null && scope ? (scope.teams[0] ?? null) : team;
  const readable = mayReadReport(scope, shown);
  const [reports, teams] = await Promise.all([readable ? listReports(db, shown ?? FLEET_TEAM) : [], reportTeams(db)]);
  return {
    team: shown,
    teams: readableTeams(scope, teams),
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
