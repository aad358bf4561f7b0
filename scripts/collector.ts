// `npm run collector`: collect every `collector.intervalSeconds` until SIGINT/SIGTERM, then stop
// the AWS calls in flight (Insights queries included), finish the write in progress and exit.
// `npm run collect -- --once`: one full cycle, a summary per account × region, exit 0 — or 1 when
// nothing at all could be collected.
// With PostgreSQL, `npm run collector` is a worker: any number share the account × region poll jobs
// through pg-boss (`--lease-seconds N`: how long a job may be held before a dead worker's job moves on).
import "./lib/require-node";
import { Collector, collectedAnything } from "@/lib/collector/collector";
import { formatSummary } from "@/lib/collector/summary";
import { appConfig } from "@/lib/config/load";
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { databaseTarget } from "@/lib/db/url";
import { prepareRollups } from "@/lib/db/writes/rollups";
import { log } from "@/lib/log";
import { afterCollection } from "@/lib/server/after-collection";
import { setUpCollector, startCollectorLoop } from "@/lib/server/collector";
import { startWorker } from "@/lib/workers/worker";

const once = process.argv.includes("--once");
/** Started by `npm start`'s web server: one loop like the server's own (never a pg-boss worker), ended with its parent. */
const embedded = process.argv.includes("--embedded");
const leaseFlag = process.argv.indexOf("--lease-seconds");
const leaseSeconds = leaseFlag > 0 ? Number(process.argv[leaseFlag + 1]) : undefined;

async function runOnce(): Promise<number> {
  const { config } = appConfig();
  await migrate();
  await prepareRollups(db);
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
  const { config } = appConfig();
  await migrate();
  await prepareRollups(db);
  if (leaseSeconds !== undefined && !(leaseSeconds >= 1)) throw new Error("--lease-seconds must be a positive number");
  const running =
    databaseTarget().kind === "postgresql" && !embedded
      ? await startWorker(config, { leaseSeconds })
      : await startCollectorLoop(config);
  await new Promise<void>((resolve) => {
    // A terminal's Ctrl-C reaches both the server and its embedded collector: the second signal must not kill it.
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => resolve());
    if (embedded) process.once("disconnect", () => resolve());
  });
  log.info("shutting down: stopping AWS calls, finishing the write in progress");
  await running.stop();
  return 0;
}

try {
  const code = await (once ? runOnce() : runForever());
  await db.$disconnect();
  process.exit(code);
} catch (error) {
  console.error(`ImageFleet collector: ${(error as Error).message}`);
  process.exit(1);
}
