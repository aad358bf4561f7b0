import "server-only";
import nodemailer from "nodemailer";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/alerts/notify/backoff";
import type { ReportEmailConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";

const BATCH = 50;
const TIMEOUT_MS = 20_000;
/** A claimed row is not due again for this long, so two processes never send the same e-mail at once. */
const CLAIM_MS = 2 * 60_000;

export interface SmtpCredentials {
  user: string;
  password: string;
}

export interface EmailDelivery {
  sent: number;
  retrying: number;
  failed: number;
}

function transportFor(email: ReportEmailConfig, credentials: SmtpCredentials | null) {
  return nodemailer.createTransport({
    host: email.host,
    port: email.port,
    secure: email.tls === "implicit",
    requireTLS: email.tls === "starttls",
    ignoreTLS: email.tls === "none",
    auth: credentials === null ? undefined : { user: credentials.user, pass: credentials.password },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

/**
 * What went wrong, for the log and the row: nodemailer's code and the server's reply (which starts
 * with the SMTP reply code), with the password cut out wherever it might appear.
 */
export function smtpErrorText(error: unknown, password: string | null): string {
  const { code, response, message } = error as { code?: unknown; response?: unknown; message?: unknown };
  const parts = [code, response ?? message].filter((part): part is string => typeof part === "string");
  const text = parts.length > 0 ? parts.join(" ") : "send failed";
  return (password ? text.replaceAll(password, "***") : text).slice(0, 500);
}

/**
 * Sends every due pending report e-mail through the configured SMTP server. A failure is retried
 * with the notifications' backoff (the row says when), up to MAX_ATTEMPTS, then marked failed.
 */
export async function deliverDueReportEmails(options: {
  email: ReportEmailConfig | undefined;
  credentials: SmtpCredentials | null;
  now: Date;
  db: Db;
}): Promise<EmailDelivery> {
  const { email, credentials, now, db } = options;
  const result: EmailDelivery = { sent: 0, retrying: 0, failed: 0 };
  if (email === undefined) return result;
  const due = await db.reportEmail.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  if (due.length === 0) return result;
  const transport = transportFor(email, credentials);
  try {
    for (const row of due) {
      const claimed = await db.reportEmail.updateMany({
        where: { id: row.id, status: "pending", nextAttemptAt: row.nextAttemptAt },
        data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
      });
      if (claimed.count === 0) continue;
      const error = await transport
        .sendMail({
          from: email.from,
          to: JSON.parse(row.recipients) as string[],
          subject: row.subject,
          text: row.text,
          html: row.html,
          attachments: [
            { filename: row.attachmentName, content: row.attachment, contentType: "text/csv; charset=utf-8" },
          ],
        })
        .then(
          () => null,
          (reason: unknown) => smtpErrorText(reason, credentials?.password ?? null),
        );
      const attempts = row.attempts + 1;
      const context = { reportId: row.reportId, team: row.team, attempts };
      if (error === null) {
        result.sent++;
        log.info(context, "report e-mail sent");
        await db.reportEmail.update({
          where: { id: row.id },
          data: { status: "sent", attempts, sentAt: now, lastError: null, nextAttemptAt: null },
        });
      } else if (attempts >= MAX_ATTEMPTS) {
        result.failed++;
        log.warn({ ...context, error }, "report e-mail failed for good");
        await db.reportEmail.update({
          where: { id: row.id },
          data: { status: "failed", attempts, lastError: error, nextAttemptAt: null },
        });
      } else {
        result.retrying++;
        const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
        log.warn({ ...context, error, nextAttemptAt }, "report e-mail failed, will retry");
        await db.reportEmail.update({ where: { id: row.id }, data: { attempts, lastError: error, nextAttemptAt } });
      }
    }
  } finally {
    transport.close();
  }
  return result;
}
