import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/functions/route";
import { GET as getCsv } from "@/app/api/functions.csv/route";
import type { FunctionPage } from "@/lib/contracts/functions";
import { db } from "@/lib/db/client";
import { functionsPage } from "@/lib/db/queries/functions";
import { functionsView } from "@/lib/url-state/functions-view";
import { DATA, PAYMENTS, seedFleet } from "./support/seed";
import { lastFullHours, request } from "./support/window";

const now = new Date();
const window = lastFullHours(now, 24);

beforeAll(async () => {
  await seedFleet(db, now);
});

async function list(params: Record<string, string>): Promise<FunctionPage> {
  return functionsPage(functionsView.schemas.api.parse({ ...window, ...params }), { now });
}

const names = (page: FunctionPage) => page.rows.map((r) => r.name);

describe("functionsPage (the functions table)", () => {
  it("lists current functions by name, deleted ones left out", async () => {
    const page = await list({});
    expect(page.total).toBe(9);
    expect(names(page)).toEqual([
      "checkout-api",
      "etl-loader",
      "etl-scheduler",
      "feature-store",
      "fraud-scorer",
      "invoice-renderer",
      "legacy-worker",
      "notify-email",
      "report-builder",
    ]);
  });

  it("filters by package type and state together", async () => {
    const page = await list({ packageType: "Image", state: "Inactive" });
    expect(names(page)).toEqual(["invoice-renderer"]);
    expect(page.rows[0]).toMatchObject({ stateReasonCode: "Idle", accountName: "payments-prod", team: "billing" });
  });

  it("filters by account, region, team, architecture, idle days and deletion", async () => {
    expect(names(await list({ account: DATA, region: "us-east-1" }))).toEqual(["etl-loader", "etl-scheduler"]);
    expect(names(await list({ team: "billing" }))).toEqual(["invoice-renderer", "report-builder"]);
    expect((await list({ architecture: "arm64" })).total).toBe(4);
    expect(names(await list({ idleMin: "10" }))).toEqual(["etl-scheduler", "invoice-renderer", "report-builder"]);
    expect(names(await list({ deleted: "only" }))).toEqual(["old-reporter"]);
    expect((await list({ deleted: "include" })).total).toBe(10);
  });

  it("searches name, image and team case-insensitively, treating LIKE wildcards literally", async () => {
    expect(names(await list({ q: "ETL" }))).toEqual(["etl-loader", "etl-scheduler"]);
    expect(names(await list({ q: "fraud-scorer:2025" }))).toEqual(["fraud-scorer"]);
    expect(names(await list({ q: "PAYMENTS" }))).toEqual(["checkout-api", "fraud-scorer"]);
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("aggregates the window's cold starts, rate and init p95 per function", async () => {
    const rows = (await list({ account: PAYMENTS, region: "us-east-1" })).rows;
    const checkout = rows.find((r) => r.name === "checkout-api")!;
    expect(checkout).toMatchObject({ coldStarts: 48, invocations: 2400, coldStartRate: 0.02, initP95Ms: 1200 });
    expect(checkout.imageRepository).toBe("checkout-api");
    expect(checkout.imageTag).toBe("v42");
    const idle = rows.find((r) => r.name === "invoice-renderer")!;
    expect(idle).toMatchObject({ coldStarts: 0, invocations: 0, coldStartRate: null, initP95Ms: null });
    expect(idle.idleDays).toBeCloseTo(16, 5);
  });

  it("sorts by metric and plain columns, nulls last, then pages", async () => {
    expect(names(await list({ sort: "coldStarts", dir: "desc", pageSize: "3" }))).toEqual([
      "fraud-scorer",
      "etl-loader",
      "checkout-api",
    ]);
    expect(names(await list({ sort: "coldStartRate", dir: "desc", pageSize: "2" }))).toEqual([
      "fraud-scorer",
      "feature-store",
    ]);
    expect(names(await list({ sort: "initP95", dir: "desc", pageSize: "2" }))).toEqual([
      "feature-store",
      "fraud-scorer",
    ]);
    expect(names(await list({ sort: "imagePushedAt", dir: "asc", pageSize: "2" }))).toEqual([
      "legacy-worker",
      "fraud-scorer",
    ]);
    expect(names(await list({ sort: "memory", dir: "desc", pageSize: "1" }))).toEqual(["feature-store"]);
    const second = await list({ pageSize: "4", page: "2" });
    expect(second).toMatchObject({ total: 9, page: 2, pageSize: 4 });
    expect(names(second)).toEqual(["fraud-scorer", "invoice-renderer", "legacy-worker", "notify-email"]);
  });
});

describe("GET /api/functions", () => {
  it("answers the page as JSON", async () => {
    const response = await GET(request("/api/functions?packageType=Image&state=Failed"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as FunctionPage;
    expect(body.rows.map((r) => r.name)).toEqual(["legacy-worker"]);
    expect(body.rows[0]!.stateReasonCode).toBe("ImageDeleted");
  });

  it.each([
    ["packageType=Container", "packageType"],
    ["state=Sleeping", "state"],
    ["pageSize=501", "pageSize"],
    ["page=0", "page"],
    ["account=123", "account"],
    ["sort=color", "sort"],
    ["from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from"],
    ["from=yesterday&to=2026-01-01T00:00:00Z", "from"],
    ["range=1y", "range"],
  ])("rejects %s naming %s", async (query, field) => {
    const response = await GET(request(`/api/functions?${query}`));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fields)).toContain(field);
  });

  it("rejects unknown parameters", async () => {
    const response = await GET(request("/api/functions?colour=blue"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("colour");
  });
});

describe("GET /api/functions.csv", () => {
  it("streams every matching row, not just one page", async () => {
    const response = await getCsv(request("/api/functions.csv?team=data&deleted=include&pageSize=1"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^account_id,account_name,region,function_name,package_type,state,/);
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual([
      "etl-loader",
      "etl-scheduler",
      "feature-store",
      "old-reporter",
    ]);
  });

  it("rejects a bad filter like the JSON endpoint", async () => {
    const response = await getCsv(request("/api/functions.csv?architecture=sparc"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toHaveProperty("architecture");
  });
});
