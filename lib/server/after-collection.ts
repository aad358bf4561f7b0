import "server-only";
import { runAlerting } from "@/lib/alerts/run";
import { HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { applyRetention } from "@/lib/db/writes/retention";
import { log } from "@/lib/log";
import { refreshReports } from "@/lib/reports/refresh";

/** Recomputing the week to date reads a week of buckets: often enough every quarter hour. */
const REPORTS_EVERY_MS = 15 * MINUTE_MS;
const RETENTION_EVERY_MS = HOUR_MS;

const lastRun = new Map<string, number>();

/** Runs `step` unless it ran less than `everyMs` ago (wall clock) in this process. */
async function throttled(name: string, everyMs: number, step: () => Promise<unknown>): Promise<void> {
  const previous = lastRun.get(name);
  if (previous !== undefined && performance.now() - previous < everyMs) return;
  lastRun.set(name, performance.now());
  try {
    await step();
  } catch (error) {
    // One failing step never keeps the others (or the next collection) from running.
    log.error({ step: name, error: (error as Error).message }, "after-collection step failed");
  }
}

/**
 * What follows every collection cycle: alerts (and their notifications), weekly reports, and
 * retention. `now` is the collector's clock — the demo fleet's runs faster than the wall clock.
 */
export async function afterCollection(now: Date, config: ImageFleetConfig): Promise<void> {
  let alertsChanged = false;
  await throttled("alerts", 0, async () => {
    const { evaluation } = await runAlerting({ config, now });
    alertsChanged = evaluation.opened + evaluation.updated + evaluation.resolved > 0;
  });
  // After the alerts of the same cycle, so the week to date counts them; at once when they changed.
  await throttled("reports", alertsChanged ? 0 : REPORTS_EVERY_MS, () => refreshReports(now, config));
  await throttled("retention", RETENTION_EVERY_MS, () => applyRetention(db, now, config.retention));
}
