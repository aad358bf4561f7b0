import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { compareStrings } from "@/lib/analysis/compare";
import type { IsoWeekLabel } from "@/lib/analysis/weeks";
import type { Db } from "../client";

/** The fleet-wide report is stored under this team. */
export const FLEET_TEAM = "";

export interface StoredReport {
  id: string;
  week: IsoWeekLabel;
  team: string;
  provisional: boolean;
  timeZone: string;
  generatedAt: Date;
  body: string;
}

export type ReportSummary = Omit<StoredReport, "body">;

export type NewReport = Omit<StoredReport, "id">;

export function reportId(week: IsoWeekLabel, team: string, provisional: boolean): string {
  return provisional ? `${week}:${team}:provisional` : `${week}:${team}`;
}

const summary = { id: true, week: true, team: true, provisional: true, timeZone: true, generatedAt: true } as const;

/** The published report of a week and team, else its provisional one. */
export async function findReport(db: Db, week: IsoWeekLabel, team: string): Promise<StoredReport | null> {
  const rows = await db.report.findMany({ where: { week, team }, orderBy: { provisional: "asc" }, take: 1 });
  return rows[0] ?? null;
}

export async function findPublishedReport(db: Db, week: IsoWeekLabel, team: string): Promise<StoredReport | null> {
  return db.report.findUnique({ where: { week_team_provisional: { week, team, provisional: false } } });
}

/** A week's published reports, the fleet's first. */
export async function publishedReports(db: Db, week: IsoWeekLabel): Promise<StoredReport[]> {
  const rows = await db.report.findMany({ where: { week, provisional: false } });
  return rows.sort((a, b) => compareStrings(a.team, b.team));
}

/**
 * Stores a closed week's reports unless the week is already published, and drops its provisional
 * ones. A published week is never rewritten: when another process published it first, the stored
 * reports win and are returned.
 */
export async function publishReports(
  db: Db,
  week: IsoWeekLabel,
  reports: readonly NewReport[],
): Promise<StoredReport[]> {
  try {
    await db.$transaction(async (tx) => {
      if ((await tx.report.count({ where: { week, provisional: false } })) > 0) return;
      await tx.report.createMany({ data: reports.map((r) => ({ id: reportId(r.week, r.team, false), ...r })) });
      await tx.report.deleteMany({ where: { week, provisional: true } });
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  return publishedReports(db, week);
}

/**
 * Replaces a week's provisional reports (week-to-date figures are meant to change). Two callers
 * at once (the collector and the refresh button) can both delete before either inserts: on
 * PostgreSQL the later insert then collides with the rows the other just wrote, and replacing
 * once more, now that those are committed, settles it.
 */
export async function replaceProvisionalReports(
  db: Db,
  week: IsoWeekLabel,
  reports: readonly NewReport[],
  /** Only these teams' reports are replaced (the others are left as they are); all when absent. */
  teams?: readonly string[],
): Promise<StoredReport[]> {
  const rows = reports
    .filter((r) => teams === undefined || teams.includes(r.team))
    .map((r) => ({ id: reportId(r.week, r.team, true), ...r }));
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction([
        db.report.deleteMany({ where: { week, provisional: true, ...(teams && { team: { in: [...teams] } }) } }),
        db.report.createMany({ data: rows }),
      ]);
      return rows;
    } catch (error) {
      const collided = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collided || attempt === 5) throw error;
    }
  }
}

/** Provisional reports of weeks other than `week`: left over when a week closed before it was published. */
export async function deleteProvisionalReportsExcept(db: Db, week: IsoWeekLabel): Promise<void> {
  await db.report.deleteMany({ where: { provisional: true, week: { not: week } } });
}

/** Newest week first; within a week the provisional report first. */
export async function listReports(db: Db, team: string): Promise<ReportSummary[]> {
  return db.report.findMany({
    where: { team },
    select: summary,
    orderBy: [{ week: "desc" }, { provisional: "desc" }],
  });
}

/** Teams with at least one report, optionally only those of one week. */
export async function reportTeams(db: Db, week?: IsoWeekLabel): Promise<string[]> {
  const rows = await db.report.findMany({
    where: { team: { not: FLEET_TEAM }, ...(week === undefined ? {} : { week }) },
    select: { team: true },
    distinct: ["team"],
    orderBy: { team: "asc" },
  });
  return rows.map((row) => row.team);
}
