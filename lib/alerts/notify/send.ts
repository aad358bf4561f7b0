import "server-only";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { type Db, db as defaultDb } from "@/lib/db/client";
import type { Notice } from "./notice";
import { enqueueNotices } from "./outbox";

/**
 * Routes notices to the configured channels through the outbox (the weekly report digest uses
 * this); the delivery loop posts them. A repeated call queues nothing. Returns how many were queued.
 */
export async function sendToChannels(
  notices: readonly Notice[],
  options: { config: Pick<ImageFleetConfig, "alerts">; now?: Date; db?: Db },
): Promise<number> {
  const { config, now = new Date(), db = defaultDb } = options;
  return enqueueNotices(db, notices, config.alerts, now);
}
