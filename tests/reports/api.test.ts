import { beforeAll, describe, expect, it } from "vitest";
import { GET as getExport } from "@/app/api/reports/[file]/route";
import { GET as listReports } from "@/app/api/reports/route";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { CSV_COLUMNS } from "@/lib/reports/csv";
import { generateReport } from "@/lib/reports/generate";
import { refreshReports } from "@/lib/reports/refresh";
import type { ReportView } from "@/lib/reports/view";
import { seedReportFleet } from "./support/seed";

const W49_CLOSED = new Date("2026-12-08T00:00:00Z");

const call = (file: string, search = "") =>
  getExport(new Request(`http://localhost/api/reports/${file}${search}`), { params: Promise.resolve({ file }) });

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trimEnd().split("\r\n");
  const columns = header!.split(",");
  return rows.map((row) => Object.fromEntries(row.split(",").map((cell, i) => [columns[i], cell])));
}

beforeAll(async () => {
  await seedReportFleet(db, W49_CLOSED);
  const config = configSchema.parse({});
  await generateReport("2026-W48", W49_CLOSED, config);
  await generateReport("2026-W49", W49_CLOSED, config);
});

describe("GET /api/reports/<week>.json and .csv", () => {
  it("exports the same numbers in both formats, the fleet's then each team's", async () => {
    const json = (await (await call("2026-W49.json")).json()) as ReportView;
    const response = await call("2026-W49.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="imagefleet-report-2026-W49.csv"');
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));

    const rows = parseCsv(text);
    const expected = [
      ...json.metrics.map((m) => ({ ...m, team: "(fleet)" })),
      ...json.collectionMetrics.map((m) => ({ ...m, team: "(fleet)" })),
      ...json.teams.flatMap((t) => t.metrics.map((m) => ({ ...m, team: t.team }))),
    ].map((m) => ({ week: "2026-W49", team: m.team, section: m.section, metric: m.metric }));
    expect(rows.map(({ week, team, section, metric }) => ({ week, team, section, metric }))).toEqual(expected);
    const fleetRow = (metric: string) => rows.find((r) => r.metric === metric && r.team === "(fleet)");
    expect(fleetRow("coldStarts")).toMatchObject({ unit: "count", value: String(json.figures.coldStarts.coldStarts) });
    const rate = json.figures.coldStarts.rate;
    expect(rate).not.toBeNull();
    expect(fleetRow("rate")).toMatchObject({ unit: "%", value: String(Number((rate! * 100).toFixed(1))) });
    expect(fleetRow("initP95Ms")?.unit).toBe("ms");
    // Rounded for people: no long float survives.
    expect(rows.every((r) => !/\.\d{2,}/.test(r.value ?? ""))).toBe(true);
  });

  it("exports each list as its own CSV with ?section=, week and team on every row", async () => {
    const json = (await (await call("2026-W49.json")).json()) as ReportView;
    const response = await call("2026-W49.csv", "?section=idle-risk");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="imagefleet-report-2026-W49-idle-risk.csv"',
    );
    const rows = parseCsv(await response.text());
    expect(json.figures.idleRisk.items.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.week, r.team, r.function, r.region])).toEqual(
      json.figures.idleRisk.items.map((e) => ["2026-W49", e.function.team, e.function.name, e.function.region]),
    );
    const failed = await (await call("2026-W49.csv", "?section=failed&team=media")).text();
    expect(failed.split("\r\n")[0]).toBe("week,team,function,account,region,went_failed_at,episodes,recovered_at");
    const media = (await (await call("2026-W49.json", "?team=media")).json()) as ReportView;
    expect(parseCsv(failed).map((r) => r.function)).toEqual(
      media.figures.lifecycle.wentFailed.items.map((e) => e.function.name),
    );
  });

  it("scopes both formats to one team", async () => {
    const json = (await (await call("2026-W49.json", "?team=media")).json()) as ReportView;
    expect(json).toMatchObject({ team: "media", teams: [] });
    const rows = parseCsv(await (await call("2026-W49.csv", "?team=media")).text());
    expect(new Set(rows.filter((r) => r.section !== "collection").map((r) => r.team))).toEqual(new Set(["media"]));
    expect(rows.find((r) => r.metric === "functions")?.value).toBe(String(json.figures.inventory.functions));
    expect(rows.filter((r) => r.section !== "collection").every((r) => r.week === "2026-W49")).toBe(true);
  });

  it.each([
    ["2026-W49.xml", "", "file"],
    ["2026-W99.json", "", "week"],
    ["49.csv", "", "week"],
    ["2026-W49.json", "?team=", "team"],
    ["2026-W49.json", "?tema=media", "tema"],
    ["2026-W49.csv", "?section=everything", "section"],
    ["2026-W49.json", "?section=failed", "section"],
  ])("answers 400 naming the field for %s%s", async (file, search, field) => {
    const response = await call(file, search);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(field);
  });

  it("answers 404 for a week or team without a report", async () => {
    const unknownWeek = await call("2025-W10.json");
    expect(unknownWeek.status).toBe(404);
    expect(((await unknownWeek.json()) as { error: { message: string } }).error.message).toBe(
      "Report for 2025-W10 not found",
    );
    expect((await call("2026-W49.csv", "?team=nobody")).status).toBe(404);
  });
});

describe("GET /api/reports", () => {
  it("lists the weeks, newest first, and the teams to filter by", async () => {
    const body = await (await listReports(new Request("http://localhost/api/reports?team=payments"))).json();
    expect(body).toMatchObject({ team: "payments", teams: ["media", "payments", "unowned"] });
    expect(body.reports.map((r: { week: string }) => r.week)).toEqual(["2026-W49", "2026-W48"]);
    expect(body.reports[0]).toMatchObject({ start: "2026-11-30T00:00:00.000Z", end: "2026-12-07T00:00:00.000Z" });
  });
});

describe("digests", () => {
  it("queues each newly published report's digest once per routed channel", async () => {
    const config = configSchema.parse({
      alerts: {
        publicBaseUrl: "https://fleet.example.com/",
        channels: [
          { name: "everyone", type: "webhook", url: "http://127.0.0.1:9/all" },
          { name: "media-team", type: "slack", url: "http://127.0.0.1:9/media", teams: ["media"] },
          { name: "alerts-only", type: "webhook", url: "http://127.0.0.1:9/alerts", reports: false },
        ],
      },
    });
    const now = new Date("2026-12-14T00:05:00Z");
    const { published } = await refreshReports(now, config);
    expect(published.map((r) => r.id)).toEqual(["2026-W50:", "2026-W50:media", "2026-W50:payments"]);
    await refreshReports(now, config);

    const queued = await db.notification.findMany({ where: { event: "digest" }, orderBy: { dedupeKey: "asc" } });
    expect(queued.map((n) => n.dedupeKey)).toEqual([
      "everyone:digest:2026-W50:",
      "everyone:digest:2026-W50:media",
      "everyone:digest:2026-W50:payments",
      "media-team:digest:2026-W50:media",
    ]);
    const fleetDigest = JSON.parse(queued[0]!.payload);
    expect(fleetDigest.report).toMatchObject({
      title: "Weekly report 2026-W50, fleet",
      url: "https://fleet.example.com/reports/2026-W50",
    });
    expect(fleetDigest.report.summary).toContain("Functions 6 (±0)");
    expect(JSON.parse(queued[3]!.payload).text).toContain("https://fleet.example.com/reports/2026-W50?team=media");
  });
});
