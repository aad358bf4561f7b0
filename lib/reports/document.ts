import type { CollectionFigures, ReportFigures, SectionFigures } from "@/lib/analysis/report/types";
import type { IsoWeekLabel } from "@/lib/analysis/weeks";

/**
 * What one stored report holds: the fleet's (team null, with every team's section) or one team's.
 * Built in a fixed key order, so the same figures always serialise to the same bytes.
 */
export interface ReportDocument {
  week: IsoWeekLabel;
  timeZone: string;
  start: string;
  end: string;
  asOf: string;
  provisional: boolean;
  team: string | null;
  figures: SectionFigures;
  teams: { team: string; figures: SectionFigures }[];
  collection: CollectionFigures;
}

/** The fleet document first, then one per team. */
export function reportDocuments(figures: ReportFigures): ReportDocument[] {
  const { week, timeZone, start, end, asOf, provisional, collection } = figures;
  const document = (team: string | null, section: SectionFigures, teams: ReportDocument["teams"]): ReportDocument => ({
    week,
    timeZone,
    start,
    end,
    asOf,
    provisional,
    team,
    figures: section,
    teams,
    collection,
  });
  return [document(null, figures.fleet, figures.teams), ...figures.teams.map((t) => document(t.team, t.figures, []))];
}

/** The figures a fleet document was made from: the baseline the next week's report compares with. */
export function figuresOf(fleet: ReportDocument): ReportFigures {
  const { week, timeZone, start, end, asOf, provisional, figures, teams, collection } = fleet;
  return { week, timeZone, start, end, asOf, provisional, fleet: figures, teams, collection };
}

/** Stored bodies are written only from `ReportDocument`s (see generate.ts). */
export function parseReportDocument(body: string): ReportDocument {
  return JSON.parse(body) as ReportDocument;
}
