import { releasesFromSimulatorCatalog, seedCatalog } from "@/lib/catalog/seed";
import type { CollectorOptions } from "@/lib/collector/collector";
import { readEnv } from "@/lib/config/env";
import { configSchema, type ImageFleetConfig } from "@/lib/config/schema";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";

type Env = Record<string, string | undefined>;

export interface DemoFleet {
  collector: Pick<CollectorOptions, "config" | "aws" | "clock">;
  url: string;
  close(): Promise<void>;
}

/** The demo collects every minute, so a fresh start fills the pages quickly. */
const DEMO_CYCLE_SECONDS = 60;

/**
 * How the collector reaches a running simulator exactly like AWS — static keys act as the hub,
 * Organizations lists the members, a read-only role is assumed in each. Only the endpoint, the
 * credentials and the clock differ from a real deployment.
 */
export function simulatorCollectorOptions(
  sim: Pick<Simulator, "url" | "clock">,
  base: ImageFleetConfig = configSchema.parse({}),
): DemoFleet["collector"] {
  const config = configSchema.parse({
    ...base,
    regions: [...REGIONS],
    accounts: [],
    organization: { discover: true, roleName: READ_ONLY_ROLE_NAMES[0], externalId: REQUIRED_EXTERNAL_ID },
    collector: {
      ...base.collector,
      intervalSeconds: DEMO_CYCLE_SECONDS,
    },
  });
  return {
    config,
    aws: { endpoint: sim.url, credentials: { accessKeyId: "AKIADEMOIMAGEFLEET00", secretAccessKey: "demo" } },
    clock: () => new Date(sim.clock.now()),
  };
}

/** The built-in demo: the fleet simulator on a loopback port, collected like any AWS organisation. */
export async function startDemoFleet(base: ImageFleetConfig, env: Env = process.env): Promise<DemoFleet> {
  // Real time by default: pages read "now" from the wall clock, so a faster fleet clock would put
  // fresh data in their future. IMAGEFLEET_DEMO_SPEED=60 shows idle functions turn Inactive sooner.
  const { IMAGEFLEET_DEMO_SPEED: speed, IMAGEFLEET_DEMO_FUNCTIONS: functions } = readEnv(env);
  const sim = await startSimulator({ seed: 7, functions: Math.round(functions), speed });
  // The demo stays off the network: its base-image catalog comes from the simulator's releases.
  await seedCatalog(releasesFromSimulatorCatalog(sim.truth.baseImageCatalog()));
  return { collector: simulatorCollectorOptions(sim, base), url: sim.url, close: () => sim.close() };
}
