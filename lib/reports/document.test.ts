import { describe, expect, it } from "vitest";
import type { ReportFunction } from "@/lib/analysis/report/types";
import { computeReportFigures, DEFAULT_REPORT_CONFIG } from "@/lib/analysis/report-figures";
import { figuresOf, parseReportDocument, reportDocuments } from "./document";

const fn = (id: string, team: string | null): ReportFunction => ({
  id,
  accountId: "111122223333",
  region: "eu-west-1",
  name: id,
  tags: team === null ? {} : { team },
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
});

const figures = computeReportFigures({
  week: "2026-W49",
  timeZone: "UTC",
  now: new Date("2026-12-08T00:00:00Z"),
  ownerTagKey: "team",
  functions: [fn("b", "search"), fn("a", "payments"), fn("c", null)],
  alerts: [],
  pollRuns: [],
  previous: null,
  config: DEFAULT_REPORT_CONFIG,
});

describe("reportDocuments", () => {
  it("gives the fleet document with every team, then one document per team", () => {
    const [fleet, ...teams] = reportDocuments(figures);
    expect(fleet).toMatchObject({ team: null, week: "2026-W49", provisional: false, figures: figures.fleet });
    expect(fleet?.teams.map((t) => t.team)).toEqual(["payments", "search", "unowned"]);
    expect(teams.map((t) => [t.team, t.figures.inventory.functions, t.teams])).toEqual([
      ["payments", 1, []],
      ["search", 1, []],
      ["unowned", 1, []],
    ]);
  });

  it("round-trips the fleet document to the figures, byte for byte", () => {
    const [fleet] = reportDocuments(figures);
    const body = JSON.stringify(fleet);
    expect(JSON.stringify(figuresOf(parseReportDocument(body)))).toBe(JSON.stringify(figures));
    expect(JSON.stringify(reportDocuments(figuresOf(parseReportDocument(body)))[0])).toBe(body);
  });
});
