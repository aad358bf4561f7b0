import { AwsClients } from "@/lib/aws/clients";
import { Collector } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { READ_ONLY_ROLE_NAMES, REQUIRED_EXTERNAL_ID } from "@/lib/simulator";
import { HUB_CREDENTIALS, scopesFor } from "./aws-scopes";
import { type ScratchDatabase, scratchSqlite } from "./databases";
import { MeteringProxy } from "./metering-proxy";
import { NaivePoller } from "./naive-poller";
import { SimulatorProcess } from "./simulator-process";

export const SEED = 7;
const UNPACED = { getFunction: 1e5, lambdaControlPlane: 1e5, getMetricData: 1e5, logs: 1e5, ecr: 1e5 };
export const START = new Date("2026-11-30T12:00:00.000Z");

export interface PollerFleet {
  accounts: readonly string[];
  regions: readonly string[];
}

/**
 * One poller of the comparison with a simulator of its own (same seed, size and start: the same
 * fleet), its calls counted by the simulator and its metrics by a metering proxy. Its clock is
 * frozen and stepped by the benchmark, so both pollers see the world at the same instants.
 */
export class PollerUnderTest {
  private constructor(
    readonly sim: SimulatorProcess,
    readonly proxy: MeteringProxy,
    private readonly poll: (at: Date) => Promise<void>,
    private readonly release: () => Promise<void>,
  ) {}

  static async naive(functions: number, fleet: PollerFleet, options = { metrics: true }): Promise<NaiveUnderTest> {
    const { sim, proxy } = await meteredSimulator(functions);
    const aws = new AwsClients({
      endpoint: proxy.url,
      credentials: HUB_CREDENTIALS,
      quotas: configSchema.parse({}).collector.quotas,
    });
    const poller = new NaivePoller(proxy.url, scopesFor(aws, fleet.accounts, fleet.regions), options);
    const unit = new PollerUnderTest(
      sim,
      proxy,
      (at) => poller.cycle(at),
      async () => {
        poller.close();
        aws.destroy();
      },
    );
    return Object.assign(unit, { poller });
  }

  static async collector(functions: number, fleet: PollerFleet): Promise<CollectorUnderTest> {
    const { sim, proxy } = await meteredSimulator(functions);
    const database = await scratchSqlite("collector");
    const config = configSchema.parse({
      regions: fleet.regions,
      accounts: fleet.accounts.map((id) => ({
        id,
        name: id,
        roleArn: `arn:aws:iam::${id}:role/${READ_ONLY_ROLE_NAMES[0]}`,
        externalId: REQUIRED_EXTERNAL_ID,
      })),
      // The simulator's quotas are off here, and so is the collector's own pacing: the comparison
      // counts calls, which pacing does not change (nothing is throttled), and at AWS's quotas the
      // first cycle alone spends 1½ minutes reading cold starts from the logs at 5 req/s.
      collector: { accountConcurrency: 16, logsConcurrency: 30, quotas: UNPACED },
    });
    let now = START;
    const collector = new Collector({
      config,
      aws: { endpoint: proxy.url, credentials: HUB_CREDENTIALS },
      clock: () => now,
      db: database.db,
      worker: "bench",
    });
    const unit = new PollerUnderTest(
      sim,
      proxy,
      async (at) => {
        now = at;
        await collector.runCycle("schedule");
      },
      async () => {
        collector.close();
        await database.drop();
      },
    );
    return Object.assign(unit, { database });
  }

  async cycle(at: Date): Promise<void> {
    await this.sim.setClock(at);
    await this.poll(at);
  }

  async close(): Promise<void> {
    await this.release();
    await this.proxy.close();
    await this.sim.close();
  }
}

export type NaiveUnderTest = PollerUnderTest & { poller: NaivePoller };
export type CollectorUnderTest = PollerUnderTest & { database: ScratchDatabase };

async function meteredSimulator(functions: number) {
  const sim = await SimulatorProcess.start({ seed: SEED, functions, startTime: START, speed: 0, quotaScale: 0 });
  return { sim, proxy: await MeteringProxy.start(sim.url) };
}
