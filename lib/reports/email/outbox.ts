import "server-only";
import { publicBase } from "@/lib/config/public-base-url";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import type { StoredReport } from "@/lib/db/queries/reports";
import { loadReportView } from "../load";
import { reportEmailMessage } from "./message";

/**
 * Queues one pending ReportEmail per configured recipient list whose team's report was just
 * published, rendered now. A report and recipient list already queued is skipped: never sent twice.
 * Nothing is queued while no SMTP server is configured.
 */
export async function queueReportEmails(
  published: readonly StoredReport[],
  config: Pick<ImageFleetConfig, "reports" | "alerts">,
  now: Date,
  db: Db,
): Promise<number> {
  if (config.reports.email === undefined) return 0;
  const base = publicBase(config.alerts.publicBaseUrl);
  const rows = [];
  for (const recipients of config.reports.recipients) {
    const report = published.find((candidate) => candidate.team === recipients.team && !candidate.provisional);
    if (report === undefined) continue;
    const view = await loadReportView(report.week, recipients.team, { db });
    if (view === null) continue;
    const to = [...new Set(recipients.to)].sort();
    const message = reportEmailMessage(view, report.id, base);
    rows.push({
      dedupeKey: `${report.id}|${to.join(",")}`,
      reportId: report.id,
      team: recipients.team,
      recipients: JSON.stringify(to),
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachmentName: message.attachment.filename,
      attachment: message.attachment.content,
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  if (rows.length === 0) return 0;
  const existing = await db.reportEmail.findMany({
    where: { dedupeKey: { in: rows.map((row) => row.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const queued = new Set(existing.map((row) => row.dedupeKey));
  const fresh = [
    ...new Map(rows.filter((row) => !queued.has(row.dedupeKey)).map((row) => [row.dedupeKey, row])).values(),
  ];
  if (fresh.length > 0) await db.reportEmail.createMany({ data: fresh });
  return fresh.length;
}
