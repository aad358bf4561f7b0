// The collector keeps the roll-up read model current: after each cycle, a preset window read from
// the roll-ups shows what the same window read from the buckets shows (the buckets are compared
// with the simulator's ground truth in simulator.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";
import { RANGE_PRESETS } from "@/lib/analysis/time-window";
import { db } from "@/lib/db/client";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { functionsPage } from "@/lib/db/queries/functions";
import { presetWindow } from "@/lib/db/writes/rollups";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionsView } from "@/lib/url-state/functions-view";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

let fleet: SimulatedFleet;

beforeAll(async () => {
  fleet = await simulatedFleet({ seed: 12, functions: 60 });
});

afterAll(() => fleet?.close());

async function expectRollupsMatchBuckets(now: Date) {
  for (const range of RANGE_PRESETS) {
    const window = presetWindow(range, now);
    const custom = { from: window.from.toISOString(), to: now.toISOString() };
    const params = { sort: "coldStarts", dir: "desc", pageSize: "100", deleted: "include" };
    const rolled = await functionsPage(functionsView.schemas.api.parse({ ...params, range }), { now });
    const buckets = await functionsPage(functionsView.schemas.api.parse({ ...params, ...custom }), { now });
    const figures = (page: typeof rolled) =>
      page.rows.map((r) => [r.id, r.coldStarts, r.invocations, r.coldStartRate, r.initP95Ms]);
    expect(figures(rolled), range).toEqual(figures(buckets));
    expect(rolled.rollup?.computedAt, range).toBe(now.toISOString());
    const chart = await fleetColdStarts(fleetView.schemas.api.parse({ range }), { now });
    const truth = await fleetColdStarts(fleetView.schemas.api.parse(custom), { now });
    expect(chart.totals.coldStarts, range).toBe(truth.totals.coldStarts);
    expect(chart.totals.invocations, range).toBeCloseTo(truth.totals.invocations, 6);
  }
}

describe("roll-ups kept by the collector", () => {
  it("are written with the first cycle's buckets, for every function and preset", async () => {
    const cycle = await fleet.collector.runCycle("manual");
    const now = cycle.startedAt;
    const functions = await db.function.count();
    expect(await db.functionRollup.count({ where: { computedAt: now } })).toBe(functions * RANGE_PRESETS.length);
    await expectRollupsMatchBuckets(now);

    // The chart's whole hours hold exactly the buckets' cold starts of those hours.
    const from = presetWindow("24h", now).from.getTime();
    const to = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const chart = await fleetColdStarts(
      fleetView.schemas.api.parse({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
      { now },
    );
    const rolled = await fleetColdStarts(fleetView.schemas.api.parse({ range: "24h" }), { now });
    const wholeHours = rolled.points.filter((p) => Date.parse(p.t) < to).reduce((n, p) => n + (p.coldStarts ?? 0), 0);
    expect(wholeHours).toBe(chart.totals.coldStarts);
    expect(wholeHours).toBeGreaterThan(0);
  });

  it("take in the next cycles' buckets and windows moving on", async () => {
    for (const step of [20 * MINUTE_MS, 50 * MINUTE_MS, DAY_MS]) {
      fleet.sim.clock.set(fleet.sim.clock.now() + step);
      const cycle = await fleet.collector.runCycle("manual");
      await expectRollupsMatchBuckets(cycle.startedAt);
      const scopes = await db.rollupScope.findMany();
      expect(scopes.every((s) => s.computedAt.getTime() === cycle.startedAt.getTime())).toBe(true);
    }
  });
});
