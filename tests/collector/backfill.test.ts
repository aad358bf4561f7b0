// History backfill: one collection of a fresh database reads 30 days of hourly metrics and 7 days of
// cold starts back, compared with the simulator's ground truth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import type { CycleSummary } from "@/lib/collector/collector";
import { formatSummary } from "@/lib/collector/summary";
import { db } from "@/lib/db/client";
import { type SimulatedFleet, simulatedFleet } from "./simulated-fleet";

const floorToHour = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;

async function functionsWithOwnLogGroup() {
  const stored = await db.function.findMany({ where: { deletedAt: null }, orderBy: { arn: "asc" } });
  const group = (fn: (typeof stored)[number]) => `${fn.accountId}:${fn.region}:${fn.logGroup}`;
  const sharing = new Map<string, number>();
  for (const fn of stored) sharing.set(group(fn), (sharing.get(group(fn)) ?? 0) + 1);
  return { stored, own: stored.filter((fn) => sharing.get(group(fn)) === 1) };
}

async function sumBuckets(functionId: string, column: "coldStarts" | "invocations", from: number, to: number) {
  const total = await db.metricBucket.aggregate({
    _sum: { [column]: true },
    where: { functionId, resolution: "1h", start: { gte: new Date(from), lt: new Date(to) } },
  });
  return (total._sum as Record<string, number | null>)[column] ?? 0;
}

describe("history backfill on first sight", () => {
  let fleet: SimulatedFleet;
  let first: CycleSummary;

  beforeAll(async () => {
    fleet = await simulatedFleet({ seed: 21, functions: 80 });
    first = await fleet.collector.runCycle("manual");
  });
  afterAll(() => fleet?.close());

  it("counts every function's cold starts of the last 7 days exactly as the logs hold them (text and JSON)", async () => {
    const now = first.startedAt.getTime();
    const from = floorToHour(now - 7 * DAY_MS);
    const { stored, own } = await functionsWithOwnLogGroup();
    expect(new Set(own.map((fn) => fn.logFormat))).toEqual(new Set(["Text", "JSON"]));
    let compared = 0;
    for (const fn of own) {
      expect(fn.coldStartsCoveredFrom, fn.name).toEqual(new Date(from));
      const collected = await sumBuckets(fn.id, "coldStarts", from, now);
      expect(collected, fn.name).toBe(fleet.sim.truth.coldStarts(fn.arn, from, now).length);
      compared += collected;
    }
    // Beyond the fresh two days: the backfill found cold starts the first sight used to miss.
    const older = await db.metricBucket.aggregate({
      _sum: { coldStarts: true },
      where: { resolution: "1h", start: { lt: new Date(floorToHour(now - 2 * DAY_MS)) } },
    });
    expect(older._sum.coldStarts).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(0);
    // A shared log group cannot be attributed: no coverage claimed.
    for (const fn of stored.filter((f) => !own.includes(f))) expect(fn.coldStartsCoveredFrom, fn.name).toBeNull();
  });

  it("totals every function's invocations of the last 30 days exactly as CloudWatch holds them", async () => {
    const now = first.startedAt.getTime();
    const from = floorToHour(now - 30 * DAY_MS);
    const { stored } = await functionsWithOwnLogGroup();
    let total = 0;
    for (const fn of stored) {
      expect(fn.metricsCoveredFrom, fn.name).toEqual(new Date(from));
      const collected = await sumBuckets(fn.id, "invocations", from, now);
      expect(collected, fn.name).toBe(fleet.sim.truth.activity(fn.arn, from, now).invocations);
      total += collected;
    }
    expect(total).toBeGreaterThan(0);
  });

  it("reports the backfill complete in the summary and on every poll run", async () => {
    for (const unit of first.units) {
      expect(unit.backfill, `${unit.accountId}/${unit.region}`).not.toBeNull();
      expect(unit.backfill!.done).toBe(unit.backfill!.total);
      expect(unit.backfill!.skippedBytes).toBe(0);
    }
    expect(first.units.reduce((n, u) => n + u.backfill!.scannedBytes, 0)).toBeGreaterThan(0);
    const runs = await db.pollRun.findMany({ where: { id: { in: first.units.map((u) => u.pollRunId) } } });
    expect(runs.every((run) => run.backfillDone === run.backfillTotal)).toBe(true);
    expect(runs.reduce((n, run) => n + run.backfillTotal, 0)).toBeGreaterThan(0);
    expect(formatSummary(first)).toMatch(/history backfill: complete in (\d+) of \1 scopes/);
  });

  it("reads nothing more once the history is complete", async () => {
    fleet.sim.truth.resetApiCalls();
    const again = await fleet.collector.runCycle("manual");
    const calls = fleet.sim.truth.apiCalls();
    const described = calls.filter((c) => c.operation === "DescribeLogGroups").reduce((n, c) => n + c.calls, 0);
    expect(described).toBe(0);
    expect(again.units.every((u) => u.backfill?.done === u.backfill?.total)).toBe(true);
  });

  it("after the collector was down for days, reads the gap back and counts exactly again", async () => {
    fleet.sim.clock.advance(4 * DAY_MS + 3 * HOUR_MS);
    const cycle = await fleet.collector.runCycle("manual");
    const now = cycle.startedAt.getTime();
    expect(cycle.units.every((u) => u.backfill?.done === u.backfill?.total)).toBe(true);
    const from = floorToHour(now - 7 * DAY_MS);
    const { own } = await functionsWithOwnLogGroup();
    for (const fn of own) {
      // The fresh window covered two days; the backfill the rest of the week, gap included.
      expect(fn.coldStartsCoveredFrom, fn.name).toEqual(new Date(from));
      expect(await sumBuckets(fn.id, "coldStarts", from, now), fn.name).toBe(
        fleet.sim.truth.coldStarts(fn.arn, from, now).length,
      );
    }
  });
});
