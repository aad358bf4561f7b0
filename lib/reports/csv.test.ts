import { describe, expect, it } from "vitest";
import type { MetricRow } from "@/lib/analysis/report/metrics";
import { reportCsv } from "./csv";
import type { ReportView } from "./view";

const metric = (metric: string, value: number | null, previous: number | null): MetricRow => ({
  section: "inventory",
  metric,
  label: metric,
  unit: "count",
  better: null,
  value,
  previous,
  delta: value === null || previous === null ? null : value - previous,
});

const view = (overrides: Partial<ReportView>): ReportView =>
  ({ team: null, metrics: [], collectionMetrics: [], teams: [], ...overrides }) as ReportView;

describe("reportCsv", () => {
  it("writes one tidy row per metric, the fleet's then each team's", () => {
    const csv = reportCsv(
      view({
        metrics: [metric("functions", 12, 10)],
        collectionMetrics: [{ ...metric("runs", 3, null), section: "collection" }],
        teams: [{ team: "payments", metrics: [metric("functions", 2, null)] }],
      }),
    );
    expect(csv.split("\r\n")).toEqual([
      "section,metric,team,value,previous,delta",
      "inventory,functions,,12,10,2",
      "collection,runs,,3,,",
      "inventory,functions,payments,2,,",
      "",
    ]);
  });

  it("names the team on a team's report and quotes awkward team names", () => {
    const csv = reportCsv(view({ team: 'data, "core"', metrics: [metric("functions", 1, 1)] }));
    expect(csv).toContain('inventory,functions,"data, ""core""",1,1,0');
    expect(reportCsv(view({ team: "=cmd", metrics: [metric("functions", 1, 1)] }))).toContain(",'=cmd,");
  });
});
