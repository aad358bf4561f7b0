import "server-only";
import { appEnv } from "@/lib/config/env";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { lastCollectionAt } from "@/lib/db/queries/poll-runs";
import type { StoredReport } from "@/lib/db/queries/reports";
import { deliverReportDigests } from "./deliver";
import type { SmtpCredentials } from "./email/deliver";
import { emailReports } from "./email/send";
import { generateDueReports, regenerateProvisional } from "./generate";

export interface ReportRefresh {
  /** Reports published by this call (last week's, once it closed), fleet first. */
  published: StoredReport[];
  /** The week in progress, recomputed. */
  provisional: StoredReport[];
}

/** The SMTP sign-in from the environment (validated as both or neither), null without one. */
function smtpCredentials(): SmtpCredentials | null {
  const { IMAGEFLEET_SMTP_USER: user, IMAGEFLEET_SMTP_PASSWORD: password } = appEnv();
  return user === undefined || password === undefined ? null : { user, password };
}

/**
 * Publishes last week once it has closed, sending its digests and e-mails (and retrying e-mails
 * still due), and recomputes the week in
 * progress: what the collector process runs after a collection cycle, and what "refresh" asks for.
 * With `teams` (an administrator restricted to some teams) only those teams' reports of the week
 * in progress are recomputed; publishing the fleet's week is left to the collector.
 */
export async function refreshReports(
  now: Date,
  config: Pick<ImageFleetConfig, "reports" | "idle" | "alerts">,
  db: Db = defaultDb,
  teams?: readonly string[],
): Promise<ReportRefresh> {
  if (teams) return { published: [], provisional: await regenerateProvisional(now, config, db, teams) };
  const published = await generateDueReports(now, config, db);
  await deliverReportDigests(published, config, now, db);
  await emailReports(published, { config, credentials: smtpCredentials(), now, db });
  return { published, provisional: await regenerateProvisional(now, config, db) };
}

/**
 * "Now" for reports asked for on demand: the wall clock, or the last collection when that is later
 * (the demo fleet runs on a faster clock), so a refresh never steps back to an earlier week.
 */
export async function reportsNow(db: Db = defaultDb): Promise<Date> {
  const last = await lastCollectionAt(db);
  const wall = new Date();
  return last !== null && Date.parse(last) > wall.getTime() ? new Date(last) : wall;
}
