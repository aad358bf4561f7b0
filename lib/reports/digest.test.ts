import { describe, expect, it } from "vitest";
import { sectionMetrics } from "@/lib/analysis/report/metrics";
import type { ReportInput } from "@/lib/analysis/report/types";
import { computeReportFigures, DEFAULT_REPORT_CONFIG } from "@/lib/analysis/report-figures";
import { digestNotice } from "./digest";
import type { ReportView } from "./view";

const input = (week: string, functions: number): ReportInput => ({
  week,
  timeZone: "UTC",
  now: new Date("2026-12-20T00:00:00Z"),
  ownerTagKey: "team",
  functions: Array.from({ length: functions }, (_, i) => ({
    id: `fn-${i}`,
    accountId: "111122223333",
    region: "eu-west-1",
    name: `fn-${i}`,
    tags: {},
    packageType: "Image",
    runtime: null,
    firstSeenAt: new Date("2026-01-01T00:00:00Z"),
    firstCollection: false,
    deletedAt: null,
    deploys: [],
    stateIntervals: [],
    dailyActivity: [],
    initHours: [],
    lastInvokedAt: null,
    image: null,
    previousWeeks: [],
  })),
  alerts: [],
  pollRuns: [],
  previous: null,
  config: DEFAULT_REPORT_CONFIG,
});

const view = (team: string | null, previousWeek: string | null): ReportView => {
  const current = computeReportFigures(input("2026-W50", 3)).fleet;
  const previous = computeReportFigures(input("2026-W49", 2)).fleet;
  return {
    week: "2026-W50",
    team,
    provisional: false,
    previousWeek,
    metrics: sectionMetrics(current, previousWeek === null ? null : previous),
  } as ReportView;
};

describe("digestNotice", () => {
  it("titles the report, lists headline numbers with their change, and links to it", () => {
    const notice = digestNotice(
      view("payments", "2026-W49"),
      "2026-W50:payments",
      "https://fleet/reports/2026-W50?team=payments",
    );
    expect(notice).toMatchObject({
      kind: "digest",
      reportId: "2026-W50:payments",
      team: "payments",
      title: "Weekly report 2026-W50, team payments",
      url: "https://fleet/reports/2026-W50?team=payments",
    });
    const lines = notice.summary.split("\n");
    expect(lines[0]).toBe(
      "Functions 3 (+1) · Image share 100 % (±0) · New functions 0 (±0) · Deleted functions 0 (±0)",
    );
    expect(lines.at(-1)).toBe("Changes against 2026-W49.");
  });

  it("says when there is nothing to compare with", () => {
    const notice = digestNotice(view(null, null), "2026-W50:", "https://fleet/reports/2026-W50");
    expect(notice.title).toBe("Weekly report 2026-W50, fleet");
    expect(notice.summary).toContain("Functions 3 · ");
    expect(notice.summary.split("\n").at(-1)).toBe("No previous week to compare with.");
  });
});
