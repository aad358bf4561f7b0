// `npm run collector`: collect every `collector.intervalSeconds` until SIGINT/SIGTERM, then stop
// the AWS calls in flight (Insights queries included), finish the write in progress and exit.
// `npm run collect -- --once`: one full cycle, a summary per account × region, exit 0 — or 1 when
// nothing at all could be collected.
import { Collector, collectedAnything } from "@/lib/collector/collector";
import { formatSummary } from "@/lib/collector/summary";
import { loadConfig } from "@/lib/config/load";
import { migrate } from "@/lib/db/migrate";
import { log } from "@/lib/log";
import { afterCollection } from "@/lib/server/after-collection";
import { setUpCollector, startCollectorLoop } from "@/lib/server/collector";

const once = process.argv.includes("--once");

async function runOnce(): Promise<number> {
  const { config } = loadConfig();
  await migrate();
  const setup = await setUpCollector(config);
  const collector = new Collector(setup.options);
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
  try {
    const summary = await collector.runCycle("once", controller.signal);
    console.log(formatSummary(summary));
    if (!collectedAnything(summary)) return 1;
    await afterCollection(summary.finishedAt, setup.options.config);
    return 0;
  } finally {
    collector.close();
    await setup.close();
  }
}

async function runForever(): Promise<number> {
  const { config } = loadConfig();
  await migrate();
  const running = await startCollectorLoop(config);
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  log.info("shutting down: stopping AWS calls, finishing the write in progress");
  await running.stop();
  return 0;
}

try {
  const code = await (once ? runOnce() : runForever());
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  process.exit(code);
} catch (error) {
  console.error(`ImageFleet collector: ${(error as Error).message}`);
  process.exit(1);
}
