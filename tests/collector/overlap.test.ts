// Two collections of one fleet at the same time (two `collect --once`, or a one-shot beside the
// running collector) both finish: writes are idempotent per unit, a unit whose write fails is
// recorded as failed like an AWS error while the others land, and no poll run stays `running`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Collector } from "@/lib/collector/collector";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

let fleet: SimulatedFleet;

beforeAll(async () => {
  fleet = await simulatedFleet({ seed: 15, functions: 60 });
});
afterAll(() => fleet.close());

function anotherCollector(options: Partial<ConstructorParameters<typeof Collector>[0]> = {}): Collector {
  return new Collector({ ...simulatorCollectorOptions(fleet.sim, configSchema.parse({})), ...options });
}

describe("overlapping collections", () => {
  it("both finish on a fresh database, each function stored once, no poll run left running", async () => {
    const second = anotherCollector();
    try {
      const [a, b] = await Promise.all([fleet.collector.runCycle("once"), second.runCycle("once")]);
      for (const summary of [a, b]) {
        expect(summary.units.length).toBeGreaterThan(0);
        expect(summary.units.filter((unit) => unit.status === "failed")).toEqual([]);
      }
    } finally {
      second.close();
    }
    expect(await db.pollRun.count({ where: { status: "running" } })).toBe(0);
    const truth = fleet.sim.truth.functions().length;
    expect(await db.function.count()).toBe(truth);
    const open = await db.stateInterval.groupBy({ by: ["functionId"], where: { to: null }, _count: true });
    expect(open.filter((row) => row._count > 1)).toEqual([]);
  });

  it("records a unit whose write fails as failed, and the other units still land", async () => {
    const accounts = new Set((await db.function.findMany({ select: { accountId: true } })).map((f) => f.accountId));
    expect(accounts.size).toBeGreaterThan(1);
    const broken = [...accounts].sort()[0]!;
    // A database that refuses one account's writes, as a full disk or a constraint would.
    const failingDb = db.$extends({
      query: {
        fleetSnapshot: {
          async createMany({ args, query }) {
            const rows = Array.isArray(args.data) ? args.data : [args.data];
            if (rows.some((row) => row.accountId === broken)) throw new Error("disk full");
            return query(args);
          },
        },
      },
    }) as unknown as typeof db;
    const collector = anotherCollector({ db: failingDb });
    try {
      const summary = await collector.runCycle("once");
      const failed = summary.units.filter((unit) => unit.status === "failed");
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((unit) => unit.accountId === broken)).toBe(true);
      expect(summary.units.some((unit) => unit.status !== "failed")).toBe(true);
      const run = await db.pollRun.findUniqueOrThrow({ where: { id: failed[0]!.pollRunId } });
      expect(run.status).toBe("failed");
      expect(JSON.parse(run.errors)).toEqual([expect.objectContaining({ api: "database", message: "disk full" })]);
    } finally {
      collector.close();
    }
    expect(await db.pollRun.count({ where: { status: "running" } })).toBe(0);
  });
});
