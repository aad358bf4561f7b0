import "server-only";
import type { IdleThresholds } from "@/lib/analysis/idle";
import { loadConfig } from "@/lib/config/load";

/** The configured idle thresholds (validated at start-up, so reading them cannot fail here). */
export function idleThresholds(): IdleThresholds {
  return loadConfig().config.idle;
}
