import { sleep } from "@/lib/aws/rate-limit";
import { writesSettled } from "@/lib/db/writes/transaction";
import { log } from "@/lib/log";
import type { Collector, CycleSummary } from "./collector";

/**
 * Runs a cycle every `intervalMs` (measured from cycle start; an overrunning cycle is followed at
 * once by the next) until the signal aborts, then `afterCycle` (alerts, reports, retention).
 * Abort cancels the AWS calls in flight — Insights queries are stopped — and waits for the write
 * in progress before returning.
 */
export async function runCollectorLoop(
  collector: Collector,
  intervalMs: number,
  signal: AbortSignal,
  afterCycle: (summary: CycleSummary) => Promise<void> = async () => {},
): Promise<void> {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      const summary = await collector.runCycle("schedule", signal);
      log.info(
        {
          units: summary.units.length,
          failed: summary.units.filter((u) => u.status === "failed").length,
          functions: summary.units.reduce((n, u) => n + u.functionsSeen, 0),
          statesRead: summary.units.reduce((n, u) => n + u.statesRead, 0),
          calls: summary.units.reduce((n, u) => n + u.calls, 0),
          throttles: summary.units.reduce((n, u) => n + u.throttles, 0),
          errors: summary.errors.length + summary.units.reduce((n, u) => n + u.errors, 0),
          seconds: (Date.now() - started) / 1000,
        },
        "collection cycle done",
      );
      if (!signal.aborted) await afterCycle(summary);
    } catch (error) {
      log.error({ error: (error as Error).message }, "collection cycle failed");
    }
    await sleep(Math.max(0, intervalMs - (Date.now() - started)), signal).catch(() => {});
  }
  await writesSettled();
}
