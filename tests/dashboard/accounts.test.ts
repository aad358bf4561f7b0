import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/accounts/route";
import type { AccountStatus } from "@/lib/contracts/accounts";
import { db } from "@/lib/db/client";
import { DATA, LEGACY, PAYMENTS, seedFleet } from "./support/seed";
import { request } from "./support/window";

beforeAll(async () => {
  await seedFleet(db, new Date());
});

describe("GET /api/accounts", () => {
  it("reports every account × region with its last poll, and accounts that cannot be assumed", async () => {
    const response = await GET(request("/api/accounts"));
    expect(response.status).toBe(200);
    const accounts = (await response.json()) as AccountStatus[];
    expect(accounts.map((a) => a.id)).toEqual([DATA, LEGACY, PAYMENTS]);

    const data = accounts[0]!;
    expect(data.regions.map((r) => [r.region, r.functions])).toEqual([
      ["eu-west-1", 1],
      ["us-east-1", 2],
    ]);
    const throttled = data.regions[0]!.lastPoll!;
    expect(throttled).toMatchObject({
      status: "partial",
      throttles: 4,
      errorCount: 1,
      calls: { "lambda:GetFunction": 2 },
    });
    expect(throttled.errors[0]).toMatchObject({ code: "ThrottlingException", message: "Rate exceeded" });
    expect(throttled.durationMs).toBe(5000);

    const legacy = accounts[1]!;
    expect(legacy.assumeError).toContain("AccessDenied");
    expect(legacy.regions[0]).toMatchObject({
      region: "us-east-1",
      functions: 0,
      lastSuccessAt: null,
      lastPoll: { status: "failed" },
    });
  });

  it("takes no parameters", async () => {
    expect((await GET(request("/api/accounts?page=2"))).status).toBe(400);
  });
});
