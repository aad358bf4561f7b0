import { describe, expect, it } from "vitest";
import type { MetricRow } from "@/lib/analysis/report/metrics";
import type { ReportFunctionRef, SectionFigures } from "@/lib/analysis/report/types";
import { reportCsv } from "./csv";
import type { ReportView } from "./view";

const metric = (
  metric: string,
  value: number | null,
  previous: number | null,
  unit: MetricRow["unit"] = "count",
): MetricRow => ({
  section: "inventory",
  metric,
  label: metric,
  unit,
  better: null,
  value,
  previous,
  delta: value === null || previous === null ? null : value - previous,
});

const view = (overrides: Partial<ReportView>): ReportView =>
  ({ week: "2026-W49", team: null, metrics: [], collectionMetrics: [], teams: [], ...overrides }) as ReportView;

const ref = (name: string, team: string): ReportFunctionRef => ({
  id: `arn:${name}`,
  accountId: "111122223333",
  region: "eu-west-1",
  name,
  team,
});

describe("reportCsv metrics", () => {
  it("writes one tidy row per metric with its week and team, the fleet's then each team's", () => {
    const csv = reportCsv(
      view({
        metrics: [metric("functions", 12, 10)],
        collectionMetrics: [{ ...metric("runs", 3, null), section: "collection" }],
        teams: [{ team: "payments", metrics: [metric("functions", 2, null)] }],
      }),
    );
    expect(csv.split("\r\n")).toEqual([
      "week,team,section,metric,unit,value,previous,change",
      "2026-W49,(fleet),inventory,functions,count,12,10,2",
      "2026-W49,(fleet),collection,runs,count,3,,",
      "2026-W49,payments,inventory,functions,count,2,,",
      "",
    ]);
  });

  it("rounds for people: rates as percent to one decimal, durations in whole ms, hours to one decimal", () => {
    const csv = reportCsv(
      view({
        team: "media",
        metrics: [
          metric("rate", 0.6976744186046512, 0.5, "ratio"),
          metric("initP95Ms", 1234.567, null, "ms"),
          metric("stateHours", 12.345, 10, "hours"),
        ],
      }),
    );
    expect(csv).toContain("2026-W49,media,inventory,rate,%,69.8,50,19.8\r\n");
    expect(csv).toContain("2026-W49,media,inventory,initP95Ms,ms,1235,,\r\n");
    expect(csv).toContain("2026-W49,media,inventory,stateHours,h,12.3,10,2.3\r\n");
  });

  it("quotes awkward team names and defuses formulas", () => {
    const csv = reportCsv(view({ team: 'data, "core"', metrics: [metric("functions", 1, 1)] }));
    expect(csv).toContain('2026-W49,"data, ""core""",inventory,functions');
    expect(reportCsv(view({ team: "=cmd", metrics: [metric("functions", 1, 1)] }))).toContain(",'=cmd,");
  });
});

describe("reportCsv sections", () => {
  const figures = {
    idleRisk: {
      count: 2,
      items: [
        {
          function: ref("resize", "media"),
          idleDays: 11.26,
          idleSinceUnknown: false,
          predictedInactiveAt: "2026-12-10T00:00:00.000Z",
        },
        { function: ref("charge", "payments"), idleDays: 12, idleSinceUnknown: true, predictedInactiveAt: null },
      ],
    },
    images: {
      behindOnBase: {
        count: 1,
        items: [
          {
            function: ref("resize", "media"),
            runtime: "python3.12",
            release: "2026.10.01",
            newest: "2026.12.01",
            releasesBehind: 3,
            newerAvailableSince: "2026-10-15T00:00:00.000Z",
          },
        ],
      },
    },
  } as unknown as SectionFigures;

  it("writes one row per listed function, each with week and its team, numbers rounded", () => {
    expect(reportCsv(view({ figures }), "idle-risk").split("\r\n")).toEqual([
      "week,team,function,account,region,idle_days,idle_since_unknown,predicted_inactive_at",
      "2026-W49,media,resize,111122223333,eu-west-1,11.3,no,2026-12-10T00:00:00.000Z",
      "2026-W49,payments,charge,111122223333,eu-west-1,12,yes,",
      "",
    ]);
    expect(reportCsv(view({ figures }), "behind-base")).toContain(
      "2026-W49,media,resize,111122223333,eu-west-1,python3.12,2026.10.01,2026.12.01,3,2026-10-15T00:00:00.000Z",
    );
  });
});
