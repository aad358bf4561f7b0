import "server-only";
import type { ReportFigures } from "@/lib/analysis/report/types";
import { computeReportFigures } from "@/lib/analysis/report-figures";
import {
  type IsoWeekLabel,
  isoWeekOf,
  lastClosedWeek,
  previousWeek,
  weekBounds,
  weekDaysBefore,
} from "@/lib/analysis/weeks";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { loadCatalog } from "@/lib/db/queries/base-image-releases";
import { collectedBefore, loadReportRows } from "@/lib/db/queries/report-input";
import {
  deleteProvisionalReportsExcept,
  FLEET_TEAM,
  findPublishedReport,
  type NewReport,
  publishedReports,
  publishReports,
  replaceProvisionalReports,
  type StoredReport,
} from "@/lib/db/queries/reports";
import { figuresOf, parseReportDocument, reportDocuments } from "./document";
import { type ReportSettings, reportSettings } from "./settings";

type ReportConfigSource = Pick<ImageFleetConfig, "reports" | "idle">;

/** The weeks before `week`, most recent first, as spans in the time zone. */
function weeksBefore(week: IsoWeekLabel, count: number, timeZone: string) {
  const spans = [];
  for (let label = previousWeek(week); spans.length < count; label = previousWeek(label)) {
    const { start, end } = weekBounds(label, timeZone);
    spans.push({ from: start, to: end });
  }
  return spans;
}

async function computeWeek(db: Db, week: IsoWeekLabel, now: Date, settings: ReportSettings): Promise<ReportFigures> {
  const { timeZone } = settings;
  const { start, end } = weekBounds(week, timeZone);
  const asOf = now < end ? now : end;
  const [catalog, previous] = await Promise.all([
    loadCatalog(db),
    findPublishedReport(db, previousWeek(week), FLEET_TEAM),
  ]);
  const rows = await loadReportRows(db, {
    start,
    asOf,
    days: weekDaysBefore(week, timeZone, asOf),
    previousWeeks: weeksBefore(week, settings.figures.coldStart.baselineWeeks, timeZone),
    catalog,
  });
  return computeReportFigures({
    week,
    timeZone,
    now,
    ownerTagKey: settings.ownerTagKey,
    ...rows,
    previous: previous === null ? null : figuresOf(parseReportDocument(previous.body)),
    config: settings.figures,
  });
}

function toStored(figures: ReportFigures, generatedAt: Date): NewReport[] {
  return reportDocuments(figures).map((document) => ({
    week: document.week,
    team: document.team ?? FLEET_TEAM,
    provisional: document.provisional,
    timeZone: document.timeZone,
    generatedAt,
    body: JSON.stringify(document),
  }));
}

/**
 * The reports of one week, fleet first. A closed week is published once and from then on only
 * read back, byte for byte; the week in progress is recomputed up to `now` as provisional.
 * Throws a RangeError for a week that has not started.
 */
export async function generateReport(
  week: IsoWeekLabel,
  now: Date,
  config: ReportConfigSource,
  db: Db = defaultDb,
): Promise<StoredReport[]> {
  const settings = reportSettings(config);
  const { end } = weekBounds(week, settings.timeZone);
  if (end > now) {
    const reports = await replaceProvisionalReports(
      db,
      week,
      toStored(await computeWeek(db, week, now, settings), now),
    );
    await deleteProvisionalReportsExcept(db, week);
    return reports;
  }
  const published = await publishedReports(db, week);
  if (published.length > 0) return published;
  return publishReports(db, week, toStored(await computeWeek(db, week, now, settings), now));
}

/**
 * For the collector process, after each cycle: publishes the last closed week once it has closed
 * (if anything was collected before its end). Returns the reports it newly published, fleet first,
 * for the digest; empty when there was nothing to do.
 */
export async function generateDueReports(
  now: Date,
  config: ReportConfigSource,
  db: Db = defaultDb,
): Promise<StoredReport[]> {
  const { timeZone } = reportSettings(config);
  const week = lastClosedWeek(now, timeZone);
  if ((await publishedReports(db, week)).length > 0) return [];
  if (!(await collectedBefore(db, weekBounds(week, timeZone).end))) return [];
  return generateReport(week, now, config, db);
}

/** Recomputes the current week to date (on demand, or after a collection cycle). */
export function regenerateProvisional(
  now: Date,
  config: ReportConfigSource,
  db: Db = defaultDb,
): Promise<StoredReport[]> {
  return generateReport(isoWeekOf(now, reportSettings(config).timeZone), now, config, db);
}
