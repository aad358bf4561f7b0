import "server-only";
import type { Delivery } from "@/lib/alerts/notify/deliver";
import { sendToChannels } from "@/lib/alerts/notify/send";
import { DEFAULT_PUBLIC_BASE_URL } from "@/lib/analysis/alerts/links";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import type { StoredReport } from "@/lib/db/queries/reports";
import { digestNotice } from "./digest";
import { loadReportView } from "./load";
import { reportPath } from "./paths";

/**
 * Sends the digest of each newly published report (fleet and per team) through the alert channels,
 * which route team digests to team channels. Each report's digest is queued once per channel.
 */
export async function deliverReportDigests(
  reports: readonly StoredReport[],
  config: Pick<ImageFleetConfig, "alerts">,
  now: Date,
  db: Db = defaultDb,
): Promise<Delivery | null> {
  if (reports.length === 0) return null;
  const base = (config.alerts.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, "");
  const notices = [];
  for (const report of reports) {
    const team = report.team === "" ? null : report.team;
    const view = await loadReportView(report.week, team, { db });
    if (view !== null) notices.push(digestNotice(view, report.id, `${base}${reportPath(report.week, team)}`));
  }
  return sendToChannels(notices, { config, now, db });
}
