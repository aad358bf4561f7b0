import "server-only";
import { refreshCatalogIfDue } from "@/lib/catalog/refresh";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { log } from "@/lib/log";
import { type AlertEvaluation, evaluateAlerts } from "./evaluate";

/**
 * Everything alerting does after a collection cycle: refresh the base-image catalog when due (only
 * if configured to) and evaluate the rules into alerts, queueing their notifications. Posting them
 * is the delivery loop's job (./notify/delivery-loop.ts), so a slow channel never holds up collection.
 */
export async function runAlerting(options: { config: ImageFleetConfig; now?: Date }): Promise<AlertEvaluation> {
  const { config, now = new Date() } = options;
  await refreshCatalogIfDue({ config, now });
  const evaluation = await evaluateAlerts({ now, config });
  log.info(evaluation, "alerts evaluated");
  return evaluation;
}
