import "server-only";
import pLimit from "p-limit";
import type { AlertChannelConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { requestBody } from "./request-body";

const BATCH = 200;
const CONCURRENCY = 4;
const TIMEOUT_MS = 10_000;
/** A claimed row is not due again for this long, so two processes never post the same row at once. */
const CLAIM_MS = 2 * 60_000;

export interface Delivery {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Posts every due pending notification to its channel. A failure is retried with exponential
 * backoff (the row says when), up to MAX_ATTEMPTS, then marked failed. Logs and the stored error
 * name the channel and the HTTP status or error code, never the URL.
 */
export async function deliverDueNotifications(options: {
  channels: readonly AlertChannelConfig[];
  now: Date;
  db?: Db;
  fetch?: typeof fetch;
}): Promise<Delivery> {
  const { channels, now, db = defaultDb, fetch: fetcher = fetch } = options;
  const due = await db.notification.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, channel: true, event: true, alertId: true, payload: true, attempts: true, nextAttemptAt: true },
  });
  const result: Delivery = { sent: 0, retrying: 0, failed: 0 };
  const limit = pLimit(CONCURRENCY);
  await Promise.all(
    due.map((row) =>
      limit(async () => {
        const claimed = await db.notification.updateMany({
          where: { id: row.id, status: "pending", nextAttemptAt: row.nextAttemptAt },
          data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
        });
        if (claimed.count === 0) return;
        const channel = channels.find((candidate) => candidate.name === row.channel);
        const error = channel
          ? await post(fetcher, channel.url, requestBody(channel, row.payload))
          : "channel no longer configured";
        const attempts = row.attempts + 1;
        const context = { channel: row.channel, event: row.event, alertId: row.alertId, attempts };
        if (error === null) {
          result.sent++;
          log.info(context, "notification sent");
          await db.notification.update({
            where: { id: row.id },
            data: { status: "sent", attempts, sentAt: now, lastError: null, nextAttemptAt: null },
          });
        } else if (attempts >= MAX_ATTEMPTS || !channel) {
          result.failed++;
          log.warn({ ...context, error }, "notification failed for good");
          await db.notification.update({
            where: { id: row.id },
            data: { status: "failed", attempts, lastError: error, nextAttemptAt: null },
          });
        } else {
          result.retrying++;
          const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
          log.warn({ ...context, error, nextAttemptAt }, "notification failed, will retry");
          await db.notification.update({ where: { id: row.id }, data: { attempts, lastError: error, nextAttemptAt } });
        }
      }),
    ),
  );
  return result;
}

/** Null when the channel took it; otherwise what went wrong, without the URL. */
async function post(fetcher: typeof fetch, url: string, payload: string): Promise<string | null> {
  try {
    const response = await fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: payload,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return errorCode(error);
  }
}

/** Fetch errors can quote the URL in their message: keep only names and codes. */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  return error instanceof Error ? error.name : "request failed";
}
