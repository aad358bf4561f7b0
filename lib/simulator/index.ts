import type { AddressInfo } from "node:net";
import { SimulatedClock } from "./model/clock";
import { World } from "./model/world";
import { resolveOptions, type SimulatorOptions } from "./options";
import { CallCounters, QuotaEnforcer } from "./quota";
import { createSimulatorServer } from "./server";
import { SessionStore } from "./services/identity";
import { Truth } from "./truth";
import { createGroundTruthHandler } from "./truth-http";

export {
  ACCOUNTS,
  HUB_ACCOUNT_ID,
  READ_ONLY_ROLE_NAMES,
  REGIONS,
  REQUIRED_EXTERNAL_ID,
  SHARED_REGISTRY_ACCOUNT_ID,
} from "./model/accounts";
export type { SimulatorOptions } from "./options";
export type { Truth } from "./truth";

export interface Simulator {
  /** `http://host:port`, for `AWS_ENDPOINT_URL` or a client's `endpoint`. */
  url: string;
  port: number;
  clock: SimulatedClock;
  truth: Truth;
  close(): Promise<void>;
}

/** Builds the fleet and starts the loopback server that answers the AWS SDK. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const start = resolved.startTime === undefined ? Date.now() : new Date(resolved.startTime).getTime();
  const clock = new SimulatedClock(start, resolved.speed);
  const world = new World(
    { seed: resolved.seed, functions: resolved.functions, start, idleThresholdDays: resolved.idleThresholdDays },
    clock,
  );
  const counters = new CallCounters();
  const truth = new Truth(world, counters);
  const server = createSimulatorServer({
    world,
    quotas: new QuotaEnforcer(resolved.quotaScale),
    counters,
    sessions: new SessionStore(),
    groundTruth: createGroundTruthHandler(truth, clock),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}`,
    port,
    clock,
    truth,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
