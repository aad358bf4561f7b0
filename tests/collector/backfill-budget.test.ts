// History backfill under a small Insights budget: cold-start windows are cut short, coverage and
// the summary say so, and later runs finish the week.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { Collector } from "@/lib/collector/collector";
import { formatSummary } from "@/lib/collector/summary";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { simulatorCollectorOptions } from "@/lib/server/demo-fleet";
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

describe("history backfill under a small Insights budget", () => {
  let fleet: SimulatedFleet;

  beforeAll(async () => {
    // Just enough for some log groups' week: the rest is left for later runs.
    fleet = await simulatedFleet(
      { seed: 21, functions: 50 },
      { regions: ["us-east-1"], collector: { backfill: { maxScanGiB: 0.0005 } } },
    );
  });
  afterAll(() => fleet?.close());

  it("cuts cold-start windows short, records where coverage starts, and finishes on later runs", async () => {
    const first = await fleet.collector.runCycle("manual");
    const now = first.startedAt.getTime();
    const target = floorToHour(now - 7 * DAY_MS);
    const skipped = first.units.reduce((n, u) => n + (u.backfill?.skippedBytes ?? 0), 0);
    expect(skipped).toBeGreaterThan(0);
    const scanned = first.units.reduce((n, u) => n + (u.backfill?.scannedBytes ?? 0), 0);
    // Measured from the query statistics: within the budget give or take the estimate's error.
    expect(scanned).toBeLessThan(2 * 0.0005 * 1024 ** 3);
    expect(formatSummary(first)).toMatch(/history backfill: backfilling \d+ of \d+ scopes, \d+ % done/);

    const { own } = await functionsWithOwnLogGroup();
    const short = own.filter((fn) => fn.coldStartsCoveredFrom!.getTime() > target);
    expect(short.length).toBeGreaterThan(0);
    for (const fn of own) {
      // Whatever coverage claims, the counts within it are exact.
      const from = fn.coldStartsCoveredFrom!.getTime();
      expect(from).toBeLessThanOrEqual(floorToHour(now - 2 * DAY_MS));
      expect(await sumBuckets(fn.id, "coldStarts", from, now), fn.name).toBe(
        fleet.sim.truth.coldStarts(fn.arn, from, now).length,
      );
    }

    // Later runs move coverage further back with the same budget…
    const coveredHours = async () =>
      (await functionsWithOwnLogGroup()).own.reduce(
        (n, fn) => n + (now - fn.coldStartsCoveredFrom!.getTime()) / HOUR_MS,
        0,
      );
    const before = await coveredHours();
    await fleet.collector.runCycle("manual");
    expect(await coveredHours()).toBeGreaterThan(before);

    // …and a run with the default budget finishes the week, exactly.
    const collector = new Collector(
      simulatorCollectorOptions(fleet.sim, configSchema.parse({ regions: ["us-east-1"] })),
    );
    try {
      const last = await collector.runCycle("manual");
      expect(last.units.every((u) => u.backfill?.done === u.backfill?.total)).toBe(true);
    } finally {
      collector.close();
    }
    for (const fn of (await functionsWithOwnLogGroup()).own) {
      expect(fn.coldStartsCoveredFrom, fn.name).toEqual(new Date(target));
      expect(await sumBuckets(fn.id, "coldStarts", target, now), fn.name).toBe(
        fleet.sim.truth.coldStarts(fn.arn, target, now).length,
      );
    }
  }, 600_000); // three collection cycles of a fresh fleet: minutes on a loaded machine
});
