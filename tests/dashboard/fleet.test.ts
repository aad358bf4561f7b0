import { beforeAll, describe, expect, it } from "vitest";
import { GET as getColdStarts } from "@/app/api/fleet/cold-starts/route";
import { GET as getLifecycle } from "@/app/api/fleet/lifecycle/route";
import { GET as getSummary } from "@/app/api/fleet/summary/route";
import { GET as getTop } from "@/app/api/fleet/top/route";
import { mergeBuckets } from "@/lib/analysis/stats";
import { db } from "@/lib/db/client";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetLifecycle } from "@/lib/db/queries/fleet-lifecycle";
import { fleetSummary } from "@/lib/db/queries/fleet-summary";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { fleetView } from "@/lib/url-state/fleet-view";
import { DATA, PAYMENTS, seedFleet } from "./support/seed";
import { lastFullHours, request } from "./support/window";

const now = new Date();
const window = lastFullHours(now, 24);
const query = (params: Record<string, string> = {}) => fleetView.schemas.api.parse({ ...window, ...params });

beforeAll(async () => {
  await seedFleet(db, now);
});

describe("fleet summary", () => {
  it("counts current functions by state and package type, and the accounts × regions polled", async () => {
    const summary = await fleetSummary();
    expect(summary).toMatchObject({
      functions: 9,
      imageFunctions: 6,
      byState: { Active: 5, Inactive: 2, Failed: 1, Pending: 1 },
      imageByState: { Active: 3, Inactive: 1, Failed: 1, Pending: 1 },
      accounts: 2,
      regions: 2,
      idleThresholdDays: 14,
    });
    expect(summary.imageShare).toBeCloseTo(6 / 9);
    expect(Date.parse(summary.lastCollectionAt!)).toBeLessThanOrEqual(now.getTime());
    expect((await getSummary(request("/api/fleet/summary"))).status).toBe(200);
    expect((await getSummary(request("/api/fleet/summary?range=7d"))).status).toBe(400);
  });
});

describe("lifecycle", () => {
  it("sums the last snapshot of each account × region per bucket", async () => {
    const series = await fleetLifecycle(fleetView.schemas.api.parse({ range: "7d" }), { now });
    expect(series.window.step).toBe("hour");
    const last = series.points.at(-1)!;
    expect(last).toMatchObject({ Active: 5, Inactive: 2, Failed: 1, Pending: 1, Other: 0 });
    // 3.5 days ago invoice-renderer and legacy-worker were still Active, old-reporter not yet deleted.
    const before = series.points.find((p) => Date.parse(p.t) >= now.getTime() - 3.5 * 86_400_000)!;
    expect(before).toMatchObject({ Active: 9, Inactive: 1, Failed: 0, Pending: 0 });
  });

  it("filters by account, region and package type, and draws days for long windows", async () => {
    const series = await fleetLifecycle(query({ account: DATA, packageType: "Zip" }), { now });
    expect(series.points.at(-1)).toMatchObject({ Active: 1, Inactive: 1, Failed: 0, Pending: 0 });
    const month = await fleetLifecycle(fleetView.schemas.api.parse({ range: "30d" }), { now });
    expect(month.window.step).toBe("day");
    expect(month.points).toHaveLength(31);
  });

  it("answers over HTTP and names a bad parameter", async () => {
    expect((await getLifecycle(request(`/api/fleet/lifecycle?range=24h&region=eu-west-1`))).status).toBe(200);
    const bad = await getLifecycle(request("/api/fleet/lifecycle?region=mars"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("region");
  });
});

describe("cold starts", () => {
  it("sums cold starts and invocations per hour with the merged init p95", async () => {
    const series = await fleetColdStarts(query(), { now });
    expect(series.points).toHaveLength(24);
    // checkout 2 + fraud 10 + notify 1 + etl-loader 5 + feature-store 1 every hour.
    expect(series.points.every((p) => p.coldStarts === 19 && p.invocations === 220)).toBe(true);
    const expectedP95 = mergeBuckets([
      { count: 2, avg: null, p95: 1200, max: null },
      { count: 10, avg: null, p95: 2500, max: null },
      { count: 1, avg: null, p95: 250, max: null },
      { count: 5, avg: null, p95: 300, max: null },
      { count: 1, avg: null, p95: 4000, max: null },
    ]).p95;
    expect(series.points[0]!.initP95Ms).toBe(expectedP95);
    expect(series.totals).toMatchObject({ coldStarts: 19 * 24, invocations: 220 * 24, initP95Ms: expectedP95 });
  });

  it("narrows to a slice of the fleet", async () => {
    const series = await fleetColdStarts(query({ account: PAYMENTS, packageType: "Image" }), { now });
    expect(series.totals.coldStarts).toBe(12 * 24);
    expect(series.totals.initP95Ms).toBe(2500);
    expect((await getColdStarts(request("/api/fleet/cold-starts?packageType=zip"))).status).toBe(400);
  });
});

describe("top lists", () => {
  it("ranks cold starts, idle risk, stale images and failures", async () => {
    const top = await fleetTopLists(query(), { now });
    expect(top.mostColdStarts.map((t) => [t.fn.name, t.coldStarts])).toEqual([
      ["fraud-scorer", 240],
      ["etl-loader", 120],
      ["checkout-api", 48],
      ["notify-email", 24],
      ["feature-store", 24],
    ]);
    expect(top.closestToIdle[0]).toMatchObject({ fn: { name: "report-builder" }, level: "warn" });
    expect(top.closestToIdle[0]!.idleDays).toBeCloseTo(12, 5);
    expect(top.staleImages.map((i) => [i.repository, i.tag])).toEqual([
      ["legacy-worker", "old"],
      ["fraud-scorer", "2025.05"],
      ["invoice-renderer", "latest"],
      ["report-builder", "v7"],
      ["checkout-api", "v42"],
      ["feature-store", "v3"],
    ]);
    expect(top.failed).toHaveLength(1);
    expect(top.failed[0]).toMatchObject({ fn: { name: "legacy-worker", stateReasonCode: "ImageDeleted" } });
    expect(Date.parse(top.failed[0]!.since!)).toBeLessThan(now.getTime());
    expect((await getTop(request("/api/fleet/top?range=30d"))).status).toBe(200);
  });
});
