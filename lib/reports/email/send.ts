import "server-only";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import type { StoredReport } from "@/lib/db/queries/reports";
import { deliverDueReportEmails, type EmailDelivery, type SmtpCredentials } from "./deliver";
import { queueReportEmails } from "./outbox";

/**
 * Queues the e-mails of newly published reports, then sends whatever is due, including earlier
 * e-mails waiting for a retry: what each report refresh runs.
 */
export async function emailReports(
  published: readonly StoredReport[],
  options: {
    config: Pick<ImageFleetConfig, "reports" | "alerts">;
    credentials: SmtpCredentials | null;
    now: Date;
    db: Db;
  },
): Promise<EmailDelivery> {
  const { config, credentials, now, db } = options;
  await queueReportEmails(published, config, now, db);
  return deliverDueReportEmails({ email: config.reports.email, credentials, now, db });
}
