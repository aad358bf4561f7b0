// Shared set-up for the collector's tests against the fleet simulator.
import { Collector } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
import { type Simulator, type SimulatorOptions, startSimulator } from "@/lib/simulator";

export const START = new Date("2026-10-05T08:20:00Z");

export interface SimulatedFleet {
  sim: Simulator;
  collector: Collector;
  close(): Promise<void>;
}

/** A frozen-clock simulator (tests move it) and a collector pointed at it like the demo is. */
export async function simulatedFleet(
  options: SimulatorOptions,
  config: Record<string, unknown> = {},
): Promise<SimulatedFleet> {
  const sim = await startSimulator({ speed: 0, startTime: START, ...options });
  const collector = new Collector(simulatorCollectorOptions(sim, configSchema.parse(config)));
  return {
    sim,
    collector,
    close: async () => {
      collector.close();
      await sim.close();
    },
  };
}
