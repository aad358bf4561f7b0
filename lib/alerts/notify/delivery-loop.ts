import "server-only";
import { sleep } from "@/lib/aws/rate-limit";
import type { AlertChannelConfig } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { type DeliveryOptions, drainChannel, failUnconfigured } from "./deliver";

/** How often an idle lane looks for due rows (new notifications, retries that came due). */
const POLL_MS = 5_000;
/** On shutdown, requests in flight get this long to finish; the rest stay in the outbox. */
export const DRAIN_MS = 3_000;

export interface DeliveryLoopOptions {
  channels: readonly AlertChannelConfig[];
  /** The collector's clock, which the outbox rows were written with. */
  clock?: () => Date;
  db?: Db;
  fetch?: typeof fetch;
  pollMs?: number;
  drainMs?: number;
  timeoutMs?: number;
}

export interface DeliveryLoop {
  /** Stops claiming, gives requests in flight `drainMs`, then abandons them (their rows stay due). */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox apart from collection: one lane per channel, each polling for its due rows,
 * so a channel that never answers holds only its own requests and never a collection cycle.
 * Several processes may run it against one database: rows are claimed before they are posted.
 */
export function startDeliveryLoop(options: DeliveryLoopOptions): DeliveryLoop {
  const { channels, clock = () => new Date(), pollMs = POLL_MS, drainMs = DRAIN_MS } = options;
  const stopping = new AbortController();
  const abandon = new AbortController();
  const base: Omit<DeliveryOptions, "now"> = {
    channels,
    db: options.db,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    stop: stopping.signal,
    abandon: abandon.signal,
  };

  async function lane(name: string, round: (now: Date) => Promise<unknown>): Promise<void> {
    while (!stopping.signal.aborted) {
      try {
        await round(clock());
      } catch (error) {
        log.error({ channel: name, error: (error as Error).message }, "notification delivery failed");
      }
      await sleep(pollMs, stopping.signal).catch(() => {});
    }
  }

  const lanes = [
    ...channels.map((channel) => lane(channel.name, (now) => drainChannel(channel, { ...base, now }))),
    // Rows of channels no longer configured: failed once, so the outbox does not look stuck.
    lane("(unconfigured)", (now) => failUnconfigured({ ...base, now })),
  ];
  const done = Promise.all(lanes);
  log.info({ channels: channels.length }, "notification delivery started");

  return {
    stop: async () => {
      stopping.abort();
      const drained = await Promise.race([done.then(() => true), sleep(drainMs).then(() => false)]);
      if (!drained) {
        abandon.abort();
        await done;
      }
    },
  };
}
