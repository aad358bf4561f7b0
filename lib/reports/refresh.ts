import "server-only";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import type { StoredReport } from "@/lib/db/queries/reports";
import { deliverReportDigests } from "./deliver";
import { generateDueReports, regenerateProvisional } from "./generate";

export interface ReportRefresh {
  /** Reports published by this call (last week's, once it closed), fleet first. */
  published: StoredReport[];
  /** The week in progress, recomputed. */
  provisional: StoredReport[];
}

/**
 * Publishes last week once it has closed, sending its digests, and recomputes the week in
 * progress: what the collector process runs after a collection cycle, and what "refresh" asks for.
 */
export async function refreshReports(
  now: Date,
  config: Pick<ImageFleetConfig, "reports" | "idle" | "alerts">,
  db: Db = defaultDb,
): Promise<ReportRefresh> {
  const published = await generateDueReports(now, config, db);
  await deliverReportDigests(published, config, now, db);
  return { published, provisional: await regenerateProvisional(now, config, db) };
}
