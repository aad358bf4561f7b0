import "server-only";
import { deliverDueNotifications } from "@/lib/alerts/notify/deliver";
import { type DeliveryLoop, startDeliveryLoop } from "@/lib/alerts/notify/delivery-loop";
import type { CollectorOptions } from "@/lib/collector/collector";
import { log } from "@/lib/log";

/** A one-shot collection posts what it queued for at most this long; the rest waits in the outbox. */
const ONE_SHOT_DELIVERY_MS = 30_000;

/** The delivery loop beside a long-running collector, on the collector's clock. */
export function startOutboxDelivery(options: Pick<CollectorOptions, "config" | "clock">): DeliveryLoop {
  return startDeliveryLoop({ channels: options.config.alerts.channels, clock: options.clock });
}

/** After `collect --once`: one bounded pass over the outbox (cut short by `signal`). */
export async function deliverOnce(
  options: Pick<CollectorOptions, "config" | "clock">,
  signal: AbortSignal,
): Promise<void> {
  const delivery = await deliverDueNotifications({
    channels: options.config.alerts.channels,
    now: options.clock?.() ?? new Date(),
    stop: AbortSignal.any([signal, AbortSignal.timeout(ONE_SHOT_DELIVERY_MS)]),
  });
  log.info(delivery, "notifications delivered");
}
