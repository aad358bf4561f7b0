import os from "node:os";
import PgBoss from "pg-boss";
import { Collector } from "@/lib/collector/collector";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/url";
import { writesSettled } from "@/lib/db/writes/transaction";
import { log } from "@/lib/log";
import { afterCollection } from "@/lib/server/after-collection";
import { setUpCollector } from "@/lib/server/collector";
import { startOutboxDelivery } from "@/lib/server/delivery";
import { extendJobLease, unitsInFlight } from "./job-table";
import { planCycle } from "./plan-cycle";
import { pollUnitJob } from "./poll-unit-job";
import { CYCLE_QUEUE, createQueues, UNIT_QUEUE } from "./queues";
import type { UnitJobData } from "./unit-job";

type Env = Record<string, string | undefined>;

export interface WorkerOptions {
  /** How long a worker may hold a job before it counts as dead; default: the cycle interval, at least 5 minutes. */
  leaseSeconds?: number;
}

export interface RunningWorker {
  /** Cancels the AWS calls in flight, waits for the write in progress, hands unfinished jobs back. */
  stop(): Promise<void>;
}

const MIN_DEFAULT_LEASE_SECONDS = 300;
/** How often each worker asks for the current cycle; pg-boss keeps one cycle job per interval. */
const MAX_TICK_SECONDS = 10;

/**
 * A collector worker on PostgreSQL: any number of them share the cycles' account × region jobs
 * through pg-boss. A worker that dies keeps its jobs until their lease expires; pg-boss then
 * retries them on another worker.
 */
export async function startWorker(
  config: ImageFleetConfig,
  options: WorkerOptions = {},
  env: Env = process.env,
): Promise<RunningWorker> {
  const target = databaseTarget(env);
  if (target.kind !== "postgresql") throw new Error("collector workers need PostgreSQL (DATABASE_URL=postgres://…)");
  const setup = await setUpCollector(config, env);
  const collector = new Collector(setup.options);
  const clock = setup.options.clock ?? (() => new Date());
  const { intervalSeconds, accountConcurrency } = setup.options.config.collector;
  const leaseSeconds = options.leaseSeconds ?? Math.max(intervalSeconds, MIN_DEFAULT_LEASE_SECONDS);
  const controller = new AbortController();
  const worker = `${os.hostname()}:${process.pid}`;

  const boss = new PgBoss({
    connectionString: target.url,
    application_name: "imagefleet-collector",
    // Expired leases are found by maintenance: run it often enough that a dead worker's jobs move on.
    maintenanceIntervalSeconds: Math.min(leaseSeconds, 60),
  });
  boss.on("error", (error) => log.error({ error: error.message }, "job queue error"));
  await boss.start();
  await createQueues(boss, target.url);

  const afterPreviousCycle = () => afterCollection(clock(), setup.options.config);
  const cycleContext = {
    boss,
    collector,
    clock,
    leaseSeconds,
    signal: controller.signal,
    afterPreviousCycle,
    unitsInFlight: () => unitsInFlight(db, UNIT_QUEUE),
  };
  await boss.work(CYCLE_QUEUE, { pollingIntervalSeconds: 1 }, ([job]) => planCycle(cycleContext, job!.id));
  const unitContext = {
    collector,
    db,
    clock,
    worker,
    signal: controller.signal,
    extendLease: (jobId: string, seconds: number) => extendJobLease(db, UNIT_QUEUE, jobId, seconds),
  };
  for (let slot = 0; slot < accountConcurrency; slot++) {
    await boss.work<UnitJobData>(UNIT_QUEUE, { pollingIntervalSeconds: 1 }, ([job]) => pollUnitJob(unitContext, job!));
  }

  const requestCycle = () =>
    boss
      .sendThrottled(CYCLE_QUEUE, {}, { expireInSeconds: leaseSeconds, retryDelay: 1 }, intervalSeconds, "cycle")
      .catch((error: Error) => log.error({ error: error.message }, "cannot request a collection cycle"));
  await requestCycle();
  const ticker = setInterval(requestCycle, Math.min(intervalSeconds, MAX_TICK_SECONDS) * 1000);
  // Every worker delivers the outbox too (rows are claimed, never posted twice), apart from its jobs.
  const delivery = startOutboxDelivery(setup.options);
  log.info({ worker, intervalSeconds, leaseSeconds, concurrency: accountConcurrency }, "collector worker started");

  return {
    stop: async () => {
      clearInterval(ticker);
      controller.abort();
      await Promise.all([boss.stop({ graceful: true, wait: true }), delivery.stop()]);
      await writesSettled();
      collector.close();
      await setup.close();
    },
  };
}
