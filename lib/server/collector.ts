import "server-only";
import { Collector, type CollectorOptions } from "@/lib/collector/collector";
import { runCollectorLoop } from "@/lib/collector/loop";
import type { ImageFleetConfig } from "@/lib/config/schema";
import { log } from "@/lib/log";
import { afterCollection } from "./after-collection";
import { wantsDemo } from "./aws-configuration";
import { startOutboxDelivery } from "./delivery";
import { type DemoFleet, startDemoFleet } from "./demo-fleet";

type Env = Record<string, string | undefined>;

export interface CollectorSetup {
  options: CollectorOptions;
  demo: DemoFleet | null;
  close(): Promise<void>;
}

/** The collector as configured — or, with no AWS configuration at all, on the built-in demo fleet. */
export async function setUpCollector(config: ImageFleetConfig, env: Env = process.env): Promise<CollectorSetup> {
  if (!wantsDemo(config, env)) return { options: { config }, demo: null, close: async () => {} };
  const demo = await startDemoFleet(config, env);
  log.info({ endpoint: demo.url }, "no AWS configuration: collecting from the built-in demo fleet");
  return { options: demo.collector, demo, close: () => demo.close() };
}

export interface RunningCollector {
  /** Cancels the AWS calls in flight, waits for the write in progress, releases everything. */
  stop(): Promise<void>;
}

export async function startCollectorLoop(config: ImageFleetConfig, env: Env = process.env): Promise<RunningCollector> {
  const setup = await setUpCollector(config, env);
  const collector = new Collector(setup.options);
  const controller = new AbortController();
  const intervalMs = setup.options.config.collector.intervalSeconds * 1000;
  const loop = runCollectorLoop(collector, intervalMs, controller.signal, (summary) =>
    afterCollection(summary.finishedAt, setup.options.config),
  );
  // Notifications go out on their own loop: a channel that never answers cannot delay a cycle.
  const delivery = startOutboxDelivery(setup.options);
  log.info({ intervalSeconds: intervalMs / 1000, regions: setup.options.config.regions }, "collector started");
  return {
    stop: async () => {
      controller.abort();
      await Promise.all([loop, delivery.stop()]);
      collector.close();
      await setup.close();
    },
  };
}
