import { describe, expect, it } from "vitest";
import { computeReportFigures, DEFAULT_REPORT_CONFIG } from "../report-figures";
import { HOUR_MS } from "../time";
import { collectionMetrics, sectionMetrics } from "./metrics";
import type { ReportFunction, ReportInput } from "./types";

const at = (iso: string) => new Date(iso);

const fn = (id: string, overrides: Partial<ReportFunction> = {}): ReportFunction => ({
  id,
  accountId: "111122223333",
  region: "eu-west-1",
  name: id,
  tags: { team: "payments" },
  packageType: "Image",
  runtime: null,
  firstSeenAt: at("2026-01-01T00:00:00Z"),
  firstCollection: false,
  deletedAt: null,
  deploys: [],
  stateIntervals: [{ state: "Active", reasonCode: null, reason: null, from: at("2026-01-01T00:00:00Z"), to: null }],
  dailyActivity: [],
  initHours: [],
  lastInvokedAt: at("2026-12-20T00:00:00Z"),
  image: null,
  previousWeeks: [],
  ...overrides,
});

const figures = (week: string, overrides: Partial<ReportInput>) =>
  computeReportFigures({
    week,
    timeZone: "UTC",
    now: at("2027-01-01T00:00:00Z"),
    ownerTagKey: "team",
    functions: [],
    alerts: [],
    pollRuns: [],
    previous: null,
    config: DEFAULT_REPORT_CONFIG,
    ...overrides,
  });

const lastWeek = figures("2026-W49", {
  functions: [fn("a", { dailyActivity: [{ date: "2026-12-01", invocations: 100, coldStarts: 10 }] }), fn("b")],
});
const thisWeek = figures("2026-W50", {
  functions: [fn("a", { dailyActivity: [{ date: "2026-12-08", invocations: 200, coldStarts: 5 }] })],
});
const byMetric = (rows: ReturnType<typeof sectionMetrics>) => new Map(rows.map((r) => [`${r.section}.${r.metric}`, r]));

describe("sectionMetrics", () => {
  it("puts each number next to last week's, with the difference", () => {
    const rows = byMetric(sectionMetrics(thisWeek.fleet, lastWeek.fleet));
    expect(rows.get("inventory.functions")).toMatchObject({ value: 1, previous: 2, delta: -1, unit: "count" });
    expect(rows.get("coldStarts.coldStarts")).toMatchObject({ value: 5, previous: 10, delta: -5, better: "down" });
    expect(rows.get("coldStarts.rate")).toMatchObject({ value: 0.025, previous: 0.1, unit: "ratio" });
    expect(rows.get("coldStarts.rate")?.delta).toBeCloseTo(-0.075, 12);
  });

  it("has no previous values or deltas without a previous report", () => {
    const rows = sectionMetrics(thisWeek.fleet, null);
    expect(rows.every((r) => r.previous === null && r.delta === null)).toBe(true);
  });

  it("keeps a missing value (no invocations: no rate) without a delta", () => {
    const rows = byMetric(sectionMetrics(figures("2026-W50", { functions: [fn("a")] }).fleet, lastWeek.fleet));
    expect(rows.get("coldStarts.rate")).toMatchObject({ value: null, previous: 0.1, delta: null });
  });

  it("reports function-hours for every state seen in either week", () => {
    const failing = figures("2026-W50", {
      functions: [
        fn("a", {
          stateIntervals: [
            {
              state: "Active",
              reasonCode: null,
              reason: null,
              from: at("2026-01-01T00:00:00Z"),
              to: at("2026-12-13T00:00:00Z"),
            },
            { state: "Failed", reasonCode: "ImageDeleted", reason: null, from: at("2026-12-13T00:00:00Z"), to: null },
          ],
        }),
      ],
    });
    const rows = byMetric(sectionMetrics(failing.fleet, lastWeek.fleet));
    expect(rows.get("lifecycle.hours.Active")).toMatchObject({ value: 144, previous: 336, delta: -192, unit: "hours" });
    expect(rows.get("lifecycle.hours.Failed")).toMatchObject({ value: 24, previous: 0, delta: 24 });
    expect(thisWeek.fleet.lifecycle.stateMs.Active).toBe(168 * HOUR_MS);
  });
});

describe("collectionMetrics", () => {
  it("compares collection health", () => {
    const run = {
      startedAt: at("2026-12-08T00:10:00Z"),
      finishedAt: at("2026-12-08T00:11:00Z"),
      calls: 7,
      throttles: 1,
      errors: 0,
    };
    const rows = collectionMetrics(figures("2026-W50", { pollRuns: [run] }).collection, lastWeek.collection);
    expect(rows.find((r) => r.metric === "calls")).toMatchObject({ value: 7, previous: 0, delta: 7 });
    expect(rows.find((r) => r.metric === "coverage")?.value).toBe(1 / 168);
  });
});
