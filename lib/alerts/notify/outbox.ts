import "server-only";
import { permalink } from "@/lib/analysis/alerts/links";
import type { AlertChannelConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/writes/transaction";
import { renderMessage } from "./messages";
import { dedupeKey, type Notice } from "./notice";
import { channelsFor } from "./routing";

export interface OutboxSettings {
  channels: readonly AlertChannelConfig[];
  publicBaseUrl?: string;
}

/**
 * Queues one pending Notification per notice and routed channel, rendered now, so the message
 * says what was true when the event happened. Keys already queued are skipped: an event is never
 * sent twice. Only the channel name is stored; its URL (maybe a secret) stays in the configuration.
 */
export async function enqueueNotices(
  tx: Tx | Db,
  notices: readonly Notice[],
  settings: OutboxSettings,
  now: Date,
): Promise<number> {
  const rows = notices.flatMap((notice) =>
    channelsFor(notice, settings.channels).map((channel) => ({
      dedupeKey: dedupeKey(channel.name, notice),
      channel: channel.name,
      event: notice.kind === "digest" ? "digest" : notice.event,
      alertId: notice.kind === "alert" ? notice.alert.id : null,
      reportId: notice.kind === "digest" ? notice.reportId : null,
      payload: JSON.stringify(
        renderMessage(
          channel.type,
          notice,
          notice.kind === "alert" ? permalink(notice.alert.id, settings.publicBaseUrl) : null,
        ),
      ),
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
  if (rows.length === 0) return 0;
  const existing = await tx.notification.findMany({
    where: { dedupeKey: { in: rows.map((row) => row.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const queued = new Set(existing.map((row) => row.dedupeKey));
  const fresh = [
    ...new Map(rows.filter((row) => !queued.has(row.dedupeKey)).map((row) => [row.dedupeKey, row])).values(),
  ];
  if (fresh.length > 0) await tx.notification.createMany({ data: fresh });
  return fresh.length;
}
