import { collectionMetrics, type MetricRow, sectionMetrics } from "@/lib/analysis/report/metrics";
import type { CollectionFigures, SectionFigures } from "@/lib/analysis/report/types";
import type { IsoWeekLabel } from "@/lib/analysis/weeks";
import type { ReportDocument } from "./document";

/** A report as pages, exports and digests show it: the stored figures and their week-over-week metrics. */
export interface ReportView {
  week: IsoWeekLabel;
  /** Null for the whole fleet. */
  team: string | null;
  provisional: boolean;
  timeZone: string;
  start: string;
  end: string;
  asOf: string;
  generatedAt: string;
  /** The published week the metrics compare with; null when there is none. */
  previousWeek: IsoWeekLabel | null;
  metrics: MetricRow[];
  collectionMetrics: MetricRow[];
  /** Each team's metrics (fleet report only). */
  teams: { team: string; metrics: MetricRow[] }[];
  /** Teams with a report this week, for the team filter. */
  teamNames: string[];
  figures: SectionFigures;
  collection: CollectionFigures;
}

export function buildReportView(
  current: { document: ReportDocument; generatedAt: Date },
  previous: ReportDocument | null,
  teamNames: string[],
): ReportView {
  const { document } = current;
  const previousTeams = new Map(previous?.teams.map((t) => [t.team, t.figures]));
  return {
    week: document.week,
    team: document.team,
    provisional: document.provisional,
    timeZone: document.timeZone,
    start: document.start,
    end: document.end,
    asOf: document.asOf,
    generatedAt: current.generatedAt.toISOString(),
    previousWeek: previous?.week ?? null,
    metrics: sectionMetrics(document.figures, previous?.figures ?? null),
    collectionMetrics: collectionMetrics(document.collection, previous?.collection ?? null),
    teams: document.teams.map((t) => ({
      team: t.team,
      metrics: sectionMetrics(t.figures, previousTeams.get(t.team) ?? null),
    })),
    teamNames,
    figures: document.figures,
    collection: document.collection,
  };
}
