// Windows reaching past hourly retention read the daily roll-ups for the older part, stitched to
// the hourly buckets: the figures stay what they were before retention, and say what they cover.
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETENTION } from "@/lib/analysis/retention";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { db } from "@/lib/db/client";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { functionsPage } from "@/lib/db/queries/functions";
import { applyRetention } from "@/lib/db/writes/retention";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionView } from "@/lib/url-state/function-view";
import { functionsView } from "@/lib/url-state/functions-view";

const NOW = new Date("2026-12-01T00:00:00.000Z");
const HISTORY_DAYS = 120;
const ACCOUNT = "111111111111";
const REGION = "us-east-1";
const identity = { accountId: ACCOUNT, region: REGION, name: "orders" };
const ID = `${ACCOUNT}:${REGION}:orders`;
const iso = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
const windowOf = (days: number) => ({ from: iso(days), to: NOW.toISOString() });

/** What every page shows for one window: the overview chart's totals, the table row and the function page. */
async function figures(days: number) {
  const [chart, table, detail] = await Promise.all([
    fleetColdStarts(fleetView.schemas.api.parse(windowOf(days)), { now: NOW }),
    functionsPage(functionsView.schemas.api.parse(windowOf(days)), { now: NOW }),
    functionDetail(identity, functionView.schemas.api.parse(windowOf(days)), { now: NOW }),
  ]);
  return {
    chart: chart.totals.coldStarts,
    chartInvocations: chart.totals.invocations,
    table: table.rows[0]?.coldStarts,
    detail: detail?.totals.coldStarts,
    coverage: chart.coverage,
    tableCoverage: table.rows[0]?.coverage.coldStarts,
  };
}

beforeAll(async () => {
  await db.account.create({ data: { id: ACCOUNT, name: "hub", source: "config" } });
  const firstSeen = new Date(NOW.getTime() - HISTORY_DAYS * DAY_MS);
  await db.function.create({
    data: {
      id: ID,
      accountId: ACCOUNT,
      region: REGION,
      name: "orders",
      arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`,
      packageType: "Image",
      codeSha256: "x",
      lastModified: firstSeen,
      architecture: "x86_64",
      memoryMb: 512,
      timeoutSec: 30,
      ephemeralMb: 512,
      logGroup: "/aws/lambda/orders",
      firstSeenAt: firstSeen,
      lastSeenAt: NOW,
      metricsThrough: NOW,
      coldStartsThrough: NOW,
    },
  });
  // 120 days of hours, each with 10 invocations and one cold start, as the collector leaves them.
  await db.metricBucket.createMany({
    data: Array.from({ length: HISTORY_DAYS * 24 }, (_, h) => ({
      functionId: ID,
      resolution: "1h",
      start: new Date(firstSeen.getTime() + h * HOUR_MS),
      invocations: 10,
      coldStarts: 1,
      initAvg: 400,
      initP95: 500,
      initMax: 600,
    })),
  });
});

describe("history past hourly retention", () => {
  it("shows the same figures after retention rolled the older hours into days", async () => {
    const before = await figures(HISTORY_DAYS);
    expect(before).toMatchObject({ chart: 2880, chartInvocations: 28_800, table: 2880, detail: 2880 });

    const retention = await applyRetention(db, NOW, DEFAULT_RETENTION);
    expect(retention.deleted.hourly).toBe((HISTORY_DAYS - DEFAULT_RETENTION.hourlyDays) * 24);

    const after = await figures(HISTORY_DAYS);
    expect(after).toMatchObject({ chart: 2880, chartInvocations: 28_800, table: 2880, detail: 2880 });
    const complete = { from: iso(HISTORY_DAYS), to: NOW.toISOString(), complete: true };
    expect(after.coverage).toMatchObject(complete);
    expect(after.tableCoverage).toEqual(complete);
    // Windows inside hourly retention read hourly buckets alone, exactly as before.
    expect(await figures(30)).toMatchObject({ chart: 720, table: 720, detail: 720 });
  });

  it("says how much of a longer window it holds instead of passing the rest off as complete", async () => {
    const { chart, coverage, tableCoverage } = await figures(200);
    expect(chart).toBe(2880);
    const partial = { from: iso(HISTORY_DAYS), to: NOW.toISOString(), complete: false };
    expect(coverage).toMatchObject(partial);
    expect(tableCoverage).toEqual(partial);
  });
});
