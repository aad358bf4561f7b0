// A throttling storm: the simulator's quotas at a tenth of AWS's while the collector paces itself
// at AWS's documented rates. Every call is eventually answered; the data ends complete.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CycleSummary } from "@/lib/collector/collector";
import { db } from "@/lib/db/client";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

let fleet: SimulatedFleet;
let summary: CycleSummary;

beforeAll(async () => {
  // The storm is about the fresh collection; history backfill (its own tests) stays out of it, as
  // its Insights scans at a tenth of the Logs quota would only lengthen the run.
  fleet = await simulatedFleet(
    { seed: 3, functions: 60, quotaScale: 0.1 },
    { collector: { backfill: { metricsDays: 2, coldStartDays: 0 } } },
  );
  summary = await fleet.collector.runCycle("manual");
});

afterAll(() => fleet?.close());

describe("collector under a throttling storm", () => {
  it("is throttled, backs off and still collects every function completely", async () => {
    expect(summary.units.reduce((n, unit) => n + unit.throttles, 0)).toBeGreaterThan(0);
    const notOk = summary.units.filter((unit) => unit.status !== "ok");
    const errors = await db.pollRun.findMany({ where: { id: { in: notOk.map((unit) => unit.pollRunId) } } });
    expect(notOk, JSON.stringify(errors.map((run) => run.errors))).toEqual([]);
    const truth = fleet.sim.truth.functions({ withState: true });
    const stored = await db.function.findMany();
    expect(stored).toHaveLength(truth.length);
    for (const fn of truth) {
      const row = stored.find((candidate) => candidate.arn === fn.arn);
      expect([row?.state, row?.stateReasonCode], fn.name).toEqual([fn.state!.state, fn.state!.stateReasonCode]);
      expect(row?.metricsThrough, fn.name).toEqual(summary.startedAt);
    }
    const runs = await db.pollRun.findMany({ where: { throttles: { gt: 0 } } });
    expect(runs.length).toBeGreaterThan(0);
  });
});
