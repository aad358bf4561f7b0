// Unit jobs on PostgreSQL: a unit that keeps making progress keeps its lease however long it takes,
// a unit that stalls for a whole lease fails its job visibly, and a unit still in flight from an
// earlier cycle never holds up the planning of the others.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Collector, type PlannedUnit } from "@/lib/collector/collector";
import { db } from "@/lib/db/client";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
import { extendJobLease, unitsInFlight } from "@/lib/workers/job-table";
import { planCycle } from "@/lib/workers/plan-cycle";
import { pollUnitJob } from "@/lib/workers/poll-unit-job";
import { createQueues, UNIT_QUEUE } from "@/lib/workers/queues";
import { type UnitJobData, unitJobData } from "@/lib/workers/unit-job";
import { type SimulatedFleet, simulatedFleet } from "../collector/simulated-fleet";

// Short for a test, yet long enough that a loaded machine's pauses do not pass for a stalled unit.
const LEASE_SECONDS = 5;

let fleet: SimulatedFleet;
let boss: PgBoss;
let units: PlannedUnit[];
let blackHole: Server;

const idle = new AbortController().signal;
const taken: string[] = [];

/** Starts a unit job and takes it, as a worker would: the job is active, its lease running. */
async function takeJob(unit: PlannedUnit, cycleId: string): Promise<PgBoss.Job<UnitJobData>> {
  await boss.send(UNIT_QUEUE, unitJobData(cycleId, unit), { expireInSeconds: LEASE_SECONDS, retryLimit: 0 });
  const [job] = await boss.fetch<UnitJobData>(UNIT_QUEUE);
  if (!job) throw new Error("no job to take");
  taken.push(job.id);
  return job;
}

const unitContext = (collector: Collector) => ({
  collector,
  db,
  clock: () => new Date(),
  worker: "test:1",
  signal: idle,
  extendLease: (jobId: string, seconds: number) => extendJobLease(db, UNIT_QUEUE, jobId, seconds),
});

describe.skipIf(!process.env.IMAGEFLEET_TEST_PG)("unit job leases", () => {
  beforeAll(async () => {
    // GetFunction at 1 per second: a unit of a dozen functions takes a few leases, making progress all along.
    fleet = await simulatedFleet({ seed: 10, functions: 40 }, { collector: { quotas: { getFunction: 1 } } });
    const discovery = await fleet.collector.discover();
    units = (await fleet.collector.planUnits(discovery.hub!, discovery.members, new Date())).units;
    boss = new PgBoss({ connectionString: process.env.DATABASE_URL! });
    await boss.start();
    await createQueues(boss, process.env.DATABASE_URL!);
    blackHole = createServer(() => {});
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  });
  // Whatever a test left waiting or active is finished, as a worker would have done.
  afterEach(async () => {
    await boss.cancel(UNIT_QUEUE, taken.splice(0));
  });
  afterAll(async () => {
    blackHole.closeAllConnections();
    blackHole.close();
    await boss?.stop({ graceful: false, wait: true });
    await fleet?.close();
  });

  it("renews the lease while the unit makes progress, however many leases it takes", async () => {
    const largest = [...units].sort(
      (a, b) =>
        fleet.sim.truth.functions({ accountId: b.accountId, region: b.region }).length -
        fleet.sim.truth.functions({ accountId: a.accountId, region: a.region }).length,
    )[0]!;
    const job = await takeJob(largest, "cycle-long");
    const summary = await pollUnitJob(unitContext(fleet.collector), job);
    expect(summary.status).toBe("ok");
    expect(summary.statesRead).toBe(
      fleet.sim.truth.functions({ accountId: largest.accountId, region: largest.region }).length,
    );
    const [lease] = await db.$queryRaw<{ seconds: number }[]>`
      SELECT EXTRACT(epoch FROM expire_in)::float AS seconds FROM pgboss.job WHERE id = ${job.id}::uuid`;
    // The unit outlived its first lease: it was renewed, not cut short.
    expect(Number(lease!.seconds)).toBeGreaterThan(LEASE_SECONDS);
  });

  it("fails the job, visibly, when the unit makes no progress for a whole lease", async () => {
    const { port } = blackHole.address() as AddressInfo;
    const stalled = new Collector({
      ...simulatorCollectorOptions({ url: `http://127.0.0.1:${port}`, clock: fleet.sim.clock }),
    });
    try {
      const job = await takeJob(units[0]!, "cycle-stalled");
      await expect(pollUnitJob(unitContext(stalled), job)).rejects.toThrow(/no progress for a whole 5-second lease/);
    } finally {
      stalled.close();
    }
    expect(await db.pollRun.count({ where: { status: "running" } })).toBe(0);
  });

  it("plans the other units of a cycle while one unit's earlier job is still running", async () => {
    const [slow] = units;
    await takeJob(slow!, "cycle-before");
    const plan = await planCycle(
      {
        boss,
        collector: fleet.collector,
        clock: () => new Date(),
        leaseSeconds: LEASE_SECONDS,
        signal: idle,
        afterPreviousCycle: async () => {},
        unitsInFlight: () => unitsInFlight(db, UNIT_QUEUE),
      },
      "cycle-next",
    );
    expect(plan.busy).toEqual([`${slow!.accountId}:${slow!.region}`]);
    expect(plan.units).toBe(units.length - 1);
  });
});
