import { beforeAll, describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS } from "@/lib/analysis/time";
import { RANGE_PRESETS, type RangePreset } from "@/lib/analysis/time-window";
import type { FunctionPage } from "@/lib/contracts/functions";
import { db } from "@/lib/db/client";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { functionsPage } from "@/lib/db/queries/functions";
import { upsertBuckets } from "@/lib/db/writes/metric-buckets";
import { presetWindow, ROLLUP_VERSION, rebuildRollups, updateScopeRollups } from "@/lib/db/writes/rollups";
import { writeTransaction } from "@/lib/db/writes/transaction";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionsView } from "@/lib/url-state/functions-view";
import { DATA, functionId, PAYMENTS, SEED_FUNCTIONS, seedFleet } from "../dashboard/support/seed";

// Preset windows are read from the roll-ups, custom windows from the buckets: the same window asked
// both ways must give the same figures. The seeded fleet's traffic is steady, so two functions get
// hours of varying cold starts and init p95 to make merging the p95 matter.

const now = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 25 * MINUTE_MS);
const CYCLE_MS = 15 * MINUTE_MS; // the default configuration's metrics interval
const checkout = functionId(SEED_FUNCTIONS.find((f) => f.name === "checkout-api")!);
const scope = { accountId: PAYMENTS, region: "us-east-1" };

beforeAll(async () => {
  await seedFleet(db, now);
  const varied = SEED_FUNCTIONS.filter((f) => f.accountId === PAYMENTS && f.traffic).slice(0, 2);
  await writeTransaction(db, (tx) =>
    upsertBuckets(
      tx,
      varied.flatMap((f, n) =>
        Array.from({ length: 40 }, (_, h) => ({
          functionId: functionId(f),
          resolution: "1h" as const,
          start: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (h + 2) * HOUR_MS),
          values: { coldStarts: 1 + ((h * 7 + n) % 5), initP95: 300 + ((h * 37 + n * 11) % 900) },
        })),
      ),
    ),
  );
  await rebuildRollups(db, now);
});

/** The preset's window asked as a custom window: read from the buckets. */
function customOf(preset: RangePreset, at = now) {
  const window = presetWindow(preset, at);
  return { from: window.from.toISOString(), to: window.to.toISOString() };
}

const metricsOf = (page: FunctionPage) =>
  page.rows.map((r) => [r.name, r.coldStarts, r.invocations, r.coldStartRate, r.initP95Ms]);

describe("function roll-ups", () => {
  it.each(RANGE_PRESETS)("sort and show the %s window as its buckets do, for every metric column", async (preset) => {
    for (const sort of ["coldStarts", "coldStartRate", "initP95"]) {
      for (const dir of ["asc", "desc"]) {
        const params = { sort, dir, deleted: "include" };
        const rolled = await functionsPage(functionsView.schemas.api.parse({ ...params, range: preset }), { now });
        const buckets = await functionsPage(functionsView.schemas.api.parse({ ...params, ...customOf(preset) }), {
          now,
        });
        expect(metricsOf(rolled)).toEqual(metricsOf(buckets));
        expect(rolled.rollup).toEqual({ computedAt: now.toISOString(), watermark: expect.any(String) });
        expect(buckets.rollup).toBeNull();
      }
    }
  });

  it("keep unknown as null: no cold starts, no init p95", async () => {
    const page = await functionsPage(functionsView.schemas.api.parse({ range: "24h", sort: "name" }), { now });
    const idle = page.rows.find((r) => r.coldStarts === 0)!;
    expect(idle.initP95Ms).toBeNull();
    const row = await db.functionRollup.findUniqueOrThrow({
      where: { functionId_window: { functionId: idle.id, window: "24h" } },
    });
    expect(row.initP95).toBeNull();
  });

  it("feed the overview's top list as the buckets do", async () => {
    for (const preset of RANGE_PRESETS) {
      const rolled = await fleetTopLists(fleetView.schemas.api.parse({ range: preset }), { now });
      const buckets = await fleetTopLists(fleetView.schemas.api.parse(customOf(preset)), { now });
      expect(rolled.mostColdStarts).toEqual(buckets.mostColdStarts);
      expect(rolled.mostColdStarts.length).toBeGreaterThan(0);
    }
  });

  it("carry the earliest bucket they reflect and the function's bucket watermark", async () => {
    const row = await db.functionRollup.findUniqueOrThrow({
      where: { functionId_window: { functionId: checkout, window: "30d" } },
    });
    const first = await db.metricBucket.findFirstOrThrow({
      where: { functionId: checkout, resolution: "1h", start: { gte: row.windowFrom } },
      orderBy: { start: "asc" },
    });
    const fn = await db.function.findUniqueOrThrow({ where: { id: checkout } });
    expect(row.coverageFrom).toEqual(first.start);
    expect(row.watermark).toEqual(fn.metricsThrough);
    expect(row.computedAt).toEqual(now);
  });
});

describe("slice roll-ups", () => {
  it("draw one slice's cold-start chart exactly as its buckets do (hours and days)", async () => {
    // One account × region × package type holding one team: a single slice.
    const slice = { account: PAYMENTS, region: "us-east-1", packageType: "Image" };
    for (const preset of ["24h", "30d"] as const) {
      const rolled = await fleetColdStarts(fleetView.schemas.api.parse({ ...slice, range: preset }), { now });
      const buckets = await fleetColdStarts(fleetView.schemas.api.parse({ ...slice, ...customOf(preset) }), { now });
      expect(rolled.points).toEqual(buckets.points);
      expect(rolled.totals).toEqual(buckets.totals);
      expect(rolled.rollup?.computedAt).toBe(now.toISOString());
    }
  });

  it("sum the whole fleet's counts exactly, and merge init p95 within the slices' range", async () => {
    const rolled = await fleetColdStarts(fleetView.schemas.api.parse({ range: "7d" }), { now });
    const buckets = await fleetColdStarts(fleetView.schemas.api.parse(customOf("7d")), { now });
    expect(rolled.totals.coldStarts).toBe(buckets.totals.coldStarts);
    expect(rolled.totals.invocations).toBeCloseTo(buckets.totals.invocations, 6);
    expect(rolled.points.reduce((sum, p) => sum + (p.coldStarts ?? 0), 0)).toBe(buckets.totals.coldStarts);
    expect(rolled.totals.initP95Ms).not.toBeNull();
  });

  it("filter by the user's scope: a team sees only its own slices", async () => {
    const team = SEED_FUNCTIONS.find((f) => f.accountId === DATA && f.team && f.traffic)!.team!;
    const scoped = { accounts: [], teams: [team] };
    const rolled = await fleetColdStarts(fleetView.schemas.api.parse({ range: "24h" }), { now, scope: scoped });
    const buckets = await fleetColdStarts(fleetView.schemas.api.parse(customOf("24h")), { now, scope: scoped });
    expect(rolled.totals.coldStarts).toBe(buckets.totals.coldStarts);
    expect(rolled.totals.coldStarts).toBeGreaterThan(0);
  });
});

describe("keeping roll-ups current", () => {
  const bucketHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
  const read = (at: Date) =>
    functionsPage(functionsView.schemas.api.parse({ range: "24h", q: "checkout-api" }), { now: at });

  it("serves the roll-up until the collector updates it after its metrics pass", async () => {
    const before = (await read(now)).rows[0]!;
    const hourly = await writeTransaction(db, (tx) =>
      upsertBuckets(tx, [
        { functionId: checkout, resolution: "1h", start: bucketHour, values: { coldStarts: 500, initP95: 9000 } },
      ]),
    );
    expect([...hourly.functionIds]).toEqual([checkout]);
    // Not yet taken in: a preset window never reads buckets.
    expect((await read(now)).rows[0]!.coldStarts).toBe(before.coldStarts);

    const later = new Date(now.getTime() + CYCLE_MS);
    await writeTransaction(db, (tx) => updateScopeRollups(tx, scope, { ...hourly, slicesMoved: false }, later));
    const after = await read(later);
    expect(after.rows[0]!.coldStarts).toBeGreaterThan(before.coldStarts!);
    expect(after.rollup?.computedAt).toBe(later.toISOString());
    const chart = await fleetColdStarts(
      fleetView.schemas.api.parse({ range: "24h", account: PAYMENTS, region: "us-east-1", packageType: "Image" }),
      { now: later },
    );
    expect(chart.points.find((p) => p.t === bucketHour.toISOString())?.initP95Ms).toBe(9000);
  });

  it("recomputes on read what the collector left unconfirmed for two metric cycles", async () => {
    await writeTransaction(db, (tx) =>
      upsertBuckets(tx, [
        { functionId: checkout, resolution: "1h", start: bucketHour, values: { coldStarts: 700, initP95: 9000 } },
      ]),
    );
    const fresh = new Date(now.getTime() + 2 * CYCLE_MS);
    const staleAt = new Date(now.getTime() + 4 * CYCLE_MS);
    const served = (await read(fresh)).rows[0]!;
    const recomputed = await read(staleAt);
    const buckets = await functionsPage(
      functionsView.schemas.api.parse({ q: "checkout-api", ...customOf("24h", staleAt) }),
      { now: staleAt },
    );
    expect(recomputed.rows[0]!.coldStarts).not.toBe(served.coldStarts);
    expect(recomputed.rows[0]!.coldStarts).toBe(buckets.rows[0]!.coldStarts);
    expect(recomputed.rollup?.computedAt).toBe(staleAt.toISOString());
  });

  it("rebuilds at start-up only the scopes another roll-up version wrote", async () => {
    await db.rollupScope.update({ where: { accountId_region: scope }, data: { version: ROLLUP_VERSION - 1 } });
    expect(await rebuildRollups(db, now, { outdatedOnly: true })).toEqual({ scopes: 1 });
    expect(await rebuildRollups(db, now, { outdatedOnly: true })).toEqual({ scopes: 0 });
    const rebuilt = await db.rollupScope.findUniqueOrThrow({ where: { accountId_region: scope } });
    expect(rebuilt.version).toBe(ROLLUP_VERSION);
  });
});
