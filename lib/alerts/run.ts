import "server-only";
import { refreshCatalogIfDue } from "@/lib/catalog/refresh";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { log } from "@/lib/log";
import { type AlertEvaluation, evaluateAlerts } from "./evaluate";
import { type Delivery, deliverDueNotifications } from "./notify/deliver";

/**
 * Everything alerting does after a collection cycle: refresh the base-image catalog when due (only
 * if configured to), evaluate the rules into alerts, and post the due notifications (new ones and
 * retries).
 */
export async function runAlerting(options: {
  config: ImageFleetConfig;
  now?: Date;
}): Promise<{ evaluation: AlertEvaluation; delivery: Delivery }> {
  const { config, now = new Date() } = options;
  await refreshCatalogIfDue({ config, now });
  const evaluation = await evaluateAlerts({ now, config });
  const delivery = await deliverDueNotifications({ channels: config.alerts.channels, now });
  log.info({ ...evaluation, notifications: delivery }, "alerts evaluated");
  return { evaluation, delivery };
}
