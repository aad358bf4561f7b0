import "server-only";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import { type Delivery, deliverDueNotifications } from "./deliver";
import type { Notice } from "./notice";
import { enqueueNotices } from "./outbox";

/**
 * Routes notices to the configured channels and posts them (the weekly report digest uses this).
 * Queued first, so a failed post is retried by later deliveries and a repeated call sends nothing.
 */
export async function sendToChannels(
  notices: readonly Notice[],
  options: { config: Pick<ImageFleetConfig, "alerts">; now?: Date; db?: Db; fetch?: typeof fetch },
): Promise<Delivery> {
  const { config, now = new Date(), db = defaultDb } = options;
  await enqueueNotices(db, notices, config.alerts, now);
  return deliverDueNotifications({ channels: config.alerts.channels, now, db, fetch: options.fetch });
}
