import "server-only";
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
      event: notice.kind === "group" ? notice.event : notice.kind,
      // A one-alert group links its notification to the alert's page.
      alertId: notice.kind === "group" && notice.total === 1 ? (notice.alerts[0]?.id ?? null) : null,
      reportId: notice.kind === "digest" ? notice.reportId : null,
      payload: JSON.stringify(renderMessage(channel.type, notice)),
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
