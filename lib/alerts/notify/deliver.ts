import "server-only";
import pLimit from "p-limit";
import type { AlertChannelConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { channelRequest } from "./request";

/** Requests in flight per channel: a slow receiver holds only its own slots. */
export const CHANNEL_CONCURRENCY = 2;
/** Rows a channel claims at a time: a claim is short-lived, so nothing waits long behind it. */
const CLAIM_BATCH = CHANNEL_CONCURRENCY * 4;
export const REQUEST_TIMEOUT_MS = 10_000;
/** A claimed row is not due again for this long, so two processes never post the same row at once. */
const CLAIM_MS = 2 * 60_000;

export interface Delivery {
  sent: number;
  retrying: number;
  failed: number;
}

export interface DeliveryOptions {
  channels: readonly AlertChannelConfig[];
  /** The clock the outbox was written with (the demo fleet's runs ahead of the wall clock). */
  now: Date;
  db?: Db;
  fetch?: typeof fetch;
  /** Per request. */
  timeoutMs?: number;
  /** Shutdown: no more claims. */
  stop?: AbortSignal;
  /** Requests in flight are abandoned and their rows left due, the attempt not counted (default: `stop`). */
  abandon?: AbortSignal;
}

const emptyDelivery = (): Delivery => ({ sent: 0, retrying: 0, failed: 0 });

function add(into: Delivery, more: Delivery): Delivery {
  into.sent += more.sent;
  into.retrying += more.retrying;
  into.failed += more.failed;
  return into;
}

/**
 * Posts every notification due at `now`, each channel in its own lane (CHANNEL_CONCURRENCY
 * requests at a time), so a channel that fails or never answers never delays another. A failure
 * is retried with exponential backoff (the row says when), up to MAX_ATTEMPTS, then marked failed;
 * rows of a channel no longer configured fail at once. Logs and the stored error name the channel
 * and the HTTP status or error code, never the URL.
 */
export async function deliverDueNotifications(options: DeliveryOptions): Promise<Delivery> {
  const lanes = options.channels.map((channel) => drainChannel(channel, options));
  const results = await Promise.all([failUnconfigured(options), ...lanes]);
  return results.reduce(add, emptyDelivery());
}

/** One channel's lane: claims and posts its due rows, oldest first, until none is due or shutdown. */
export async function drainChannel(channel: AlertChannelConfig, options: DeliveryOptions): Promise<Delivery> {
  const { now, db = defaultDb, stop } = options;
  const total = emptyDelivery();
  const limit = pLimit(CHANNEL_CONCURRENCY);
  while (!stop?.aborted) {
    const claimed = await claim(db, channel.name, now);
    if (claimed.length === 0) break;
    const outcomes = await Promise.all(claimed.map((row) => limit(() => deliverRow(channel, row, options))));
    for (const outcome of outcomes) if (outcome !== "released") total[outcome]++;
  }
  return total;
}

interface ClaimedRow {
  id: number;
  channel: string;
  event: string;
  alertId: string | null;
  payload: string;
  attempts: number;
  nextAttemptAt: Date | null;
}

/** Takes up to CLAIM_BATCH due rows of one channel; a row another process claimed first is skipped. */
async function claim(db: Db, channel: string, now: Date): Promise<ClaimedRow[]> {
  const due = await db.notification.findMany({
    where: { channel, status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: CLAIM_BATCH,
    select: { id: true, channel: true, event: true, alertId: true, payload: true, attempts: true, nextAttemptAt: true },
  });
  const claimed: ClaimedRow[] = [];
  for (const row of due) {
    const taken = await db.notification.updateMany({
      where: { id: row.id, status: "pending", nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
    });
    if (taken.count === 1) claimed.push(row);
  }
  return claimed;
}

async function deliverRow(
  channel: AlertChannelConfig,
  row: ClaimedRow,
  options: DeliveryOptions,
): Promise<keyof Delivery | "released"> {
  const { now, db = defaultDb } = options;
  const abandon = options.abandon ?? options.stop;
  if (abandon?.aborted) return release(db, row);
  const error = await post(options.fetch ?? fetch, channel, row, options.timeoutMs ?? REQUEST_TIMEOUT_MS, abandon);
  if (error === "released") return release(db, row);
  const attempts = row.attempts + 1;
  const context = { channel: row.channel, event: row.event, alertId: row.alertId, attempts };
  if (error === null) {
    log.info(context, "notification sent");
    await db.notification.update({
      where: { id: row.id },
      data: { status: "sent", attempts, sentAt: now, lastError: null, nextAttemptAt: null },
    });
    return "sent";
  }
  if (attempts >= MAX_ATTEMPTS) {
    log.warn({ ...context, error }, "notification failed for good");
    await db.notification.update({
      where: { id: row.id },
      data: { status: "failed", attempts, lastError: error, nextAttemptAt: null },
    });
    return "failed";
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  log.warn({ ...context, error, nextAttemptAt }, "notification failed, will retry");
  await db.notification.update({ where: { id: row.id }, data: { attempts, lastError: error, nextAttemptAt } });
  return "retrying";
}

/** Shutdown interrupted this row: it stays in the outbox, due as before, the attempt not counted. */
async function release(db: Db, row: ClaimedRow): Promise<"released"> {
  await db.notification.update({ where: { id: row.id }, data: { nextAttemptAt: row.nextAttemptAt } });
  return "released";
}

/** Rows for a channel removed from the configuration can never be sent: say so instead of keeping them due. */
export async function failUnconfigured(options: Pick<DeliveryOptions, "channels" | "now" | "db">): Promise<Delivery> {
  const { channels, now, db = defaultDb } = options;
  const orphaned = await db.notification.updateMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      channel: { notIn: channels.map((channel) => channel.name) },
    },
    data: { status: "failed", lastError: "channel no longer configured", nextAttemptAt: null },
  });
  if (orphaned.count > 0) log.warn({ notifications: orphaned.count }, "notifications for unconfigured channels failed");
  return { sent: 0, retrying: 0, failed: orphaned.count };
}

/** Null when the channel took it; "released" on shutdown; otherwise what went wrong, without the URL. */
async function post(
  fetcher: typeof fetch,
  channel: AlertChannelConfig,
  row: ClaimedRow,
  timeoutMs: number,
  shutdown: AbortSignal | undefined,
): Promise<string | null | "released"> {
  const { url, init } = channelRequest(channel, row);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetcher(url, {
      ...init,
      redirect: "error",
      signal: shutdown ? AbortSignal.any([timeout, shutdown]) : timeout,
    });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    if (shutdown?.aborted && !timeout.aborted) return "released";
    return errorCode(error);
  }
}

/** Fetch errors can quote the URL in their message: keep only names and codes. */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  return error instanceof Error ? error.name : "request failed";
}
