import { beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { listReports } from "@/lib/db/queries/reports";
import { generateDueReports, generateReport, regenerateProvisional } from "@/lib/reports/generate";
import { loadReportList, loadReportView } from "@/lib/reports/load";
import type { ReportView } from "@/lib/reports/view";
import { seedReportFleet } from "./support/seed";

const config = configSchema.parse({});
const W49_CLOSED = new Date("2026-12-08T00:00:00Z");
const W50_MIDWEEK = new Date("2026-12-10T12:00:00Z");

const metric = (view: ReportView, key: string) => view.metrics.find((row) => `${row.section}.${row.metric}` === key);
const names = (items: { function: { name: string } }[]) => items.map((item) => item.function.name);

let fleet: ReportView;
let bodies: string[];

beforeAll(async () => {
  await seedReportFleet(db, W50_MIDWEEK);
  await generateReport("2026-W48", W49_CLOSED, config);
  bodies = (await generateDueReports(W49_CLOSED, config)).map((report) => report.body);
  fleet = (await loadReportView("2026-W49", null))!;
});

describe("a published week", () => {
  it("is published for the fleet and every team once the week has closed", async () => {
    expect(bodies).toHaveLength(4);
    expect(fleet).toMatchObject({ week: "2026-W49", team: null, provisional: false, previousWeek: "2026-W48" });
    expect(fleet.teamNames).toEqual(["media", "payments", "unowned"]);
    expect(await generateDueReports(W49_CLOSED, config)).toEqual([]);
  });

  it("counts the functions at the end of the week, new, changed and deleted ones", () => {
    expect(fleet.figures.inventory).toMatchObject({ functions: 6, imageFunctions: 6, imageShare: 1, deploys: 1 });
    expect(fleet.figures.inventory.created.items.map((f) => f.name)).toEqual(["new-api"]);
    expect(fleet.figures.inventory.changed.items.map((f) => f.name)).toEqual(["checkout"]);
    expect(fleet.figures.inventory.deleted.items.map((f) => f.name)).toEqual(["legacy-zip"]);
    expect(metric(fleet, "inventory.functions")).toMatchObject({ value: 6, previous: 6, delta: 0 });
    expect(metric(fleet, "inventory.deleted")).toMatchObject({ value: 1, previous: 0, delta: 1 });
  });

  it("follows lifecycle: transitions, Inactive and recovered, Failed and not", () => {
    const { lifecycle } = fleet.figures;
    expect(lifecycle.transitions).toBe(5);
    expect(names(lifecycle.wentInactive.items)).toEqual(["report-cron"]);
    expect(lifecycle.wentInactive.items[0]?.recoveredAt).toBe("2026-12-04T06:05:00.000Z");
    expect(lifecycle.wentFailed).toMatchObject({ count: 1, recovered: 0 });
    expect(lifecycle.stateMs.Inactive).toBe(30 * 3_600_000);
  });

  it("lists idle risk as of the week's end, not from later invocations", () => {
    expect(fleet.figures.idleRisk.items.map((e) => [e.function.name, e.predictedInactiveAt])).toEqual([
      ["thumbnailer", "2026-12-11T08:00:00.000Z"],
      ["image-resizer", "2026-12-12T12:30:00.000Z"],
    ]);
  });

  it("sums cold starts and invocations inside the week, per day too", () => {
    const { coldStarts } = fleet.figures;
    expect(coldStarts).toMatchObject({ invocations: 168 * 100 + 1 + 2, coldStarts: 168 * 4 + 1 });
    expect(coldStarts.daily.map((d) => d.coldStarts)).toEqual(
      [96, 96, 96, 96, 96, 96, 96].map((n, i) => (i === 4 ? n + 1 : n)),
    );
    expect(metric(fleet, "coldStarts.coldStarts")).toMatchObject({ previous: 168 * 2 + 2, delta: 168 * 2 + 1 - 2 });
  });

  it("judges images as deployed and as released at the week's end", () => {
    const { images } = fleet.figures;
    expect(images.behindOnBase.items.map((e) => [e.function.name, e.release, e.newest, e.releasesBehind])).toEqual([
      ["image-resizer", "v1", "v2", 1],
      ["report-cron", "v1", "v2", 1],
    ]);
    expect(names(images.criticalFindings.items)).toEqual(["image-resizer"]);
  });

  it("counts alerts opened and resolved, with mean time to resolve, and collection health", () => {
    expect(fleet.figures.alerts).toMatchObject({
      opened: 2,
      resolved: 1,
      openAtEnd: 1,
      meanTimeToResolveMs: 30 * 3_600_000,
    });
    expect(fleet.collection).toMatchObject({ runs: 168, calls: 168 * 5, throttles: 2, errors: 2 - 1, coverage: 1 });
  });

  it("has a report per team, unowned included", async () => {
    const media = (await loadReportView("2026-W49", "media"))!;
    expect(media).toMatchObject({ team: "media", previousWeek: "2026-W48" });
    expect(media.figures.inventory.functions).toBe(3);
    expect(media.figures.lifecycle.wentFailed.count).toBe(1);
    const unowned = (await loadReportView("2026-W49", "unowned"))!;
    expect(unowned.figures.inventory).toMatchObject({ functions: 0, deleted: { count: 1 } });
    expect(fleet.teams.find((t) => t.team === "media")?.metrics).toEqual(media.metrics);
  });
});

describe("immutability and the week in progress", () => {
  it("returns the stored bytes when a published week is generated again, whatever changed since", async () => {
    await db.metricBucket.create({
      data: {
        functionId: "111111111111:eu-west-1:broken",
        resolution: "1h",
        start: new Date("2026-12-01T00:00:00Z"),
        invocations: 999,
        coldStarts: 99,
      },
    });
    const again = await generateReport("2026-W49", new Date("2026-12-12T00:00:00Z"), config);
    expect(again.map((report) => report.body)).toEqual(bodies);
  });

  it("recomputes the week to date as provisional and lists it first", async () => {
    const first = await regenerateProvisional(W50_MIDWEEK, config);
    expect(first.map((r) => [r.week, r.team, r.provisional])).toContainEqual(["2026-W50", "", true]);
    const w50 = (await loadReportView("2026-W50", null))!;
    expect(w50).toMatchObject({ provisional: true, asOf: W50_MIDWEEK.toISOString(), previousWeek: "2026-W49" });
    expect(w50.figures.images.behindOnBase.items.map((e) => [e.function.name, e.releasesBehind])).toEqual([
      ["image-resizer", 2],
      ["report-cron", 2],
    ]);

    const later = new Date(W50_MIDWEEK.getTime() + 3_600_000);
    await regenerateProvisional(later, config);
    expect((await loadReportView("2026-W50", null))?.asOf).toBe(later.toISOString());

    const list = await loadReportList(null);
    expect(list.reports.map((r) => [r.week, r.provisional])).toEqual([
      ["2026-W50", true],
      ["2026-W49", false],
      ["2026-W48", false],
    ]);
    expect(list.teams).toEqual(["media", "payments", "unowned"]);
    expect((await listReports(db, "media")).map((r) => r.week)).toEqual(["2026-W50", "2026-W49", "2026-W48"]);
  });

  it("recomputes the week to date for several callers at once (collector and refresh button)", async () => {
    const now = new Date(W50_MIDWEEK.getTime() + 7_200_000);
    const runs = await Promise.all([1, 2, 3, 4].map(() => regenerateProvisional(now, config)));
    expect(runs.every((reports) => reports.length === runs[0]?.length)).toBe(true);
    expect((await loadReportView("2026-W50", null))?.asOf).toBe(now.toISOString());
  });

  it("refuses a week that has not started", async () => {
    await expect(generateReport("2027-W10", W50_MIDWEEK, config)).rejects.toThrow(RangeError);
  });
});
