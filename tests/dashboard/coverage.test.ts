// A fresh database after one collection of the simulated fleet: every step of a function's series is
// either the simulator's truth or null (not collected), never a zero standing in for "unknown".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS } from "@/lib/analysis/time";
import { db } from "@/lib/db/client";
import { type FunctionDetail, functionDetail } from "@/lib/db/queries/function-detail";
import { type SimulatedFleet, START, simulatedFleet } from "../collector/simulated-fleet";

let fleet: SimulatedFleet;
let details: { arn: string; detail: FunctionDetail }[];

beforeAll(async () => {
  fleet = await simulatedFleet({ seed: 7, functions: 40, quotaScale: 0 });
  await fleet.collector.runCycle("once");
  const stored = await db.function.findMany({ where: { deletedAt: null }, orderBy: { arn: "asc" } });
  details = await Promise.all(
    stored.map(async (fn) => ({
      arn: fn.arn,
      detail: (await functionDetail(
        { accountId: fn.accountId, region: fn.region, name: fn.name },
        { range: "7d" },
        { now: START },
      ))!,
    })),
  );
});

afterAll(() => fleet?.close());

describe("coverage of a freshly collected function", () => {
  it("marks the window partly covered, from the start of the first collection to now", () => {
    expect(details.length).toBeGreaterThan(0);
    for (const { arn, detail } of details) {
      const { metrics, coldStarts } = detail.coverage;
      expect(metrics.complete, arn).toBe(false);
      expect(Date.parse(metrics.from!), arn).toBeGreaterThan(Date.parse(detail.window.from));
      expect(Date.parse(metrics.from!), arn).toBeLessThanOrEqual(Math.floor(START.getTime() / HOUR_MS) * HOUR_MS);
      expect(metrics.to, arn).toBe(START.toISOString());
      expect(coldStarts.to, arn).toBe(START.toISOString());
    }
  });

  it("gives every covered hour the simulator's invocations and cold starts, and null before coverage", () => {
    let unknownButActive = 0;
    for (const { arn, detail } of details) {
      const coveredFrom = Date.parse(detail.coverage.metrics.from!);
      const coldFrom = Date.parse(detail.coverage.coldStarts.from!);
      for (const point of detail.series) {
        const t = Date.parse(point.t);
        const truth = fleet.sim.truth.activity(arn, t, t + HOUR_MS);
        if (t + HOUR_MS <= coveredFrom) {
          expect(point.invocations, `${arn} ${point.t}`).toBeNull();
          if (truth.invocations > 0) unknownButActive += 1;
        } else if (t >= coveredFrom) {
          expect(point.invocations, `${arn} ${point.t}`).toBe(truth.invocations);
          expect(point.errors, `${arn} ${point.t}`).toBe(truth.errors);
        }
        if (t + HOUR_MS <= coldFrom) expect(point.coldStarts, `${arn} ${point.t}`).toBeNull();
        else if (t >= coldFrom) {
          expect(point.coldStarts, `${arn} ${point.t}`).toBe(fleet.sim.truth.coldStarts(arn, t, t + HOUR_MS).length);
        }
      }
    }
    // The fleet was busy before the first collection: those hours are unknown to us, not idle.
    expect(unknownButActive).toBeGreaterThan(0);
  });

  it("flags the hour in progress as partial and sums totals over the covered span only", () => {
    for (const { arn, detail } of details) {
      const last = detail.series.at(-1)!;
      expect(last.partial, arn).toBe(true);
      expect(detail.series.slice(0, -1).filter((p) => p.partial && p.invocations !== null).length).toBeLessThanOrEqual(
        1,
      );
      const from = Date.parse(detail.coverage.metrics.from!);
      expect(detail.totals.invocations, arn).toBe(fleet.sim.truth.activity(arn, from, START).invocations);
      const coldFrom = Date.parse(detail.coverage.coldStarts.from!);
      expect(detail.totals.coldStarts, arn).toBe(fleet.sim.truth.coldStarts(arn, coldFrom, START).length);
    }
  });
});
