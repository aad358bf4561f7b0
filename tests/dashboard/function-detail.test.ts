import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/functions/[account]/[region]/[name]/route";
import type { FunctionDetail } from "@/lib/contracts/function-detail";
import { db } from "@/lib/db/client";
import { PAYMENTS, seedFleet } from "./support/seed";
import { lastFullHours, request } from "./support/window";

const now = new Date();

beforeAll(async () => {
  await seedFleet(db, now);
});

function get(account: string, region: string, name: string, search = "") {
  return GET(request(`/api/functions/${account}/${region}/${name}${search}`), {
    params: Promise.resolve({ account, region, name }),
  });
}

describe("GET /api/functions/{account}/{region}/{name}", () => {
  it("returns configuration, image, idle prediction, and state history", async () => {
    const window = lastFullHours(now, 72);
    const response = await get(PAYMENTS, "us-east-1", "invoice-renderer", `?from=${window.from}&to=${window.to}`);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as FunctionDetail;
    expect(detail).toMatchObject({
      accountName: "payments-prod",
      packageType: "Image",
      state: "Inactive",
      stateReasonCode: "Idle",
      tags: { team: "billing" },
      image: { repository: "invoice-renderer", tag: "latest", command: ["app.handler"], workingDirectory: "/var/task" },
      idle: { thresholdDays: 14, level: "past-threshold", predictedInactiveAt: null },
      window: { from: window.from, to: window.to, step: "hour" },
    });
    expect(detail.intervals.map((i) => i.state)).toEqual(["Active", "Inactive"]);
    expect(detail.transitions).toEqual([
      expect.objectContaining({ from: "Active", to: "Inactive", reasonCode: "Idle" }),
    ]);
    expect(detail.series).toHaveLength(72);
  });

  it("aggregates the window's metrics and predicts when an idle function crosses the threshold", async () => {
    const window = lastFullHours(now, 24);
    const checkout = (await (
      await get(PAYMENTS, "us-east-1", "checkout-api", `?from=${window.from}&to=${window.to}`)
    ).json()) as FunctionDetail;
    expect(checkout.totals).toMatchObject({
      invocations: 2400,
      coldStarts: 48,
      coldStartRate: 0.02,
      initP95Ms: 1200,
      initMaxMs: 1560,
    });
    expect(checkout.series.every((p) => p.coldStarts === 2)).toBe(true);

    const report = (await (await get(PAYMENTS, "eu-west-1", "report-builder")).json()) as FunctionDetail;
    expect(report.idle.level).toBe("warn");
    const crossing = Date.parse(report.idle.predictedInactiveAt!) - now.getTime();
    expect(crossing / 86_400_000).toBeCloseTo(2, 3);
  });

  it("estimates the window's cost from its metrics, arm64 prices, and leaves unknown components unknown", async () => {
    const window = lastFullHours(now, 24);
    const checkout = (await (
      await get(PAYMENTS, "us-east-1", "checkout-api", `?from=${window.from}&to=${window.to}`)
    ).json()) as FunctionDetail;
    // 24 seeded hours of 100 invocations at 150 ms and 2 cold starts of 840 ms init (avg), 1 GB, arm64.
    const gbSecond = 0.0000133334;
    expect(checkout.cost.requests).toBeCloseTo((2400 * 0.2) / 1e6, 12);
    expect(checkout.cost.compute).toBeCloseTo(2400 * 0.15 * gbSecond, 12);
    expect(checkout.cost.initGbSeconds).toBeCloseTo(48 * 0.84, 9);
    expect(checkout.cost.init).toBeCloseTo(48 * 0.84 * gbSecond, 12);
    expect(checkout.cost.ephemeralStorage).toBe(0);
    expect(checkout.cost.total).toBeCloseTo((2400 * 0.2) / 1e6 + (2400 * 0.15 + 48 * 0.84) * gbSecond, 12);
    expect(checkout.cost.perDay).toBeCloseTo(checkout.cost.total!, 12);
    expect(checkout.cost.excludes).toContain("provisioned concurrency (not collected)");

    // Its metrics hold no Duration: compute, and so the total, are unknown rather than free.
    const fraud = (await (
      await get(PAYMENTS, "us-east-1", "fraud-scorer", `?from=${window.from}&to=${window.to}`)
    ).json()) as FunctionDetail;
    expect(fraud.cost.requests).toBeGreaterThan(0);
    expect(fraud.cost.compute).toBeNull();
    expect(fraud.cost.total).toBeNull();
  });

  it("is a 404 for an unknown function and a 400 naming a malformed path or window", async () => {
    const missing = await get(PAYMENTS, "us-east-1", "no-such-function");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");

    const badAccount = await get("12", "us-east-1", "checkout-api");
    expect(badAccount.status).toBe(400);
    expect((await badAccount.json()).error.fields).toHaveProperty("account");

    const badWindow = await get(PAYMENTS, "us-east-1", "checkout-api", "?from=2026-01-01T00:00:00Z");
    expect(badWindow.status).toBe(400);
    expect((await badWindow.json()).error.fields).toHaveProperty("to");
  });
});
