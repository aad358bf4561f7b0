import { describe, expect, it } from "vitest";
import type { BaseImageRelease } from "./lineage";
import type {
  ReportAlert,
  ReportDayActivity,
  ReportFunction,
  ReportInitHour,
  ReportInput,
  ReportPollRun,
} from "./report/types";
import { computeReportFigures, DEFAULT_REPORT_CONFIG, teamOf } from "./report-figures";
import type { StateInterval } from "./state-intervals";
import { HOUR_MS } from "./time";

// Week 2026-W49 in UTC: Monday 2026-11-30 to Monday 2026-12-07.
const at = (iso: string) => new Date(iso);
const WEEK_START = at("2026-11-30T00:00:00Z");
const CLOSED = at("2026-12-08T00:00:00Z");

const interval = (state: string, from: string, to: string | null, reasonCode: string | null = null): StateInterval => ({
  state,
  reasonCode,
  reason: null,
  from: at(from),
  to: to === null ? null : at(to),
});

const day = (date: string, invocations: number, coldStarts: number): ReportDayActivity => ({
  date,
  invocations,
  coldStarts,
});

const initHour = (start: string, count: number, p95: number): ReportInitHour => ({
  start: at(start),
  count,
  avg: p95 / 2,
  p95,
  max: p95,
});

const release = (version: string, publishedAt: string): BaseImageRelease => ({
  runtime: "python3.12",
  repository: "public.ecr.aws/lambda/python:3.12",
  version,
  publishedAt: at(publishedAt),
  layers: [version],
});

const fn = (id: string, overrides: Partial<ReportFunction> = {}): ReportFunction => ({
  id,
  accountId: "111122223333",
  region: "eu-west-1",
  name: id,
  tags: {},
  packageType: "Image",
  runtime: null,
  firstSeenAt: at("2026-01-01T00:00:00Z"),
  firstCollection: false,
  deletedAt: null,
  deploys: [],
  stateIntervals: [interval("Active", "2026-01-01T00:00:00Z", null)],
  dailyActivity: [],
  initHours: [],
  lastInvokedAt: at("2026-12-06T10:00:00Z"),
  image: null,
  previousWeeks: [],
  ...overrides,
});

const steadyWeek = { coldStarts: 40, invocations: 1000, initP95Ms: 1000 };

const functions: ReportFunction[] = [
  fn("fn-a", {
    tags: { team: "payments" },
    deploys: [at("2026-11-20T00:00:00Z"), at("2026-12-02T09:00:00Z"), at("2026-12-04T09:00:00Z")],
    dailyActivity: [
      day("2026-11-29", 999, 99), // before the week
      day("2026-11-30", 600, 60),
      day("2026-12-03", 400, 40),
      day("2026-12-07", 999, 99), // after the week
    ],
    initHours: [
      initHour("2026-11-29T23:00:00Z", 99, 9999), // before the week
      initHour("2026-11-30T00:00:00Z", 60, 1200),
      initHour("2026-12-03T12:00:00Z", 40, 1000),
      initHour("2026-12-07T00:00:00Z", 99, 9999), // after the week
    ],
    image: {
      digest: "sha256:aaa",
      pushedAt: at("2026-06-01T00:00:00Z"),
      lineage: {
        kind: "matched",
        runtime: "python3.12",
        release: release("v1", "2026-05-01T00:00:00Z"),
        newest: release("v3", "2026-11-01T00:00:00Z"),
        releasesBehind: 2,
        newerAvailableSince: at("2026-08-01T00:00:00Z"),
      },
      baseRuntime: null,
      findings: { critical: 2, high: 5, medium: 0, low: 0 },
      lifecycle: { status: "expires", rulePriority: 2, rule: "keep last 5", expiresAt: null, pushesLeft: 1 },
    },
    previousWeeks: [steadyWeek, steadyWeek, steadyWeek, steadyWeek],
  }),
  fn("fn-b", {
    tags: { team: "payments" },
    lastInvokedAt: at("2026-11-26T00:00:00Z"),
    image: {
      digest: "sha256:bbb",
      pushedAt: at("2026-11-01T00:00:00Z"),
      lineage: null,
      baseRuntime: null,
      findings: null,
      lifecycle: { status: "kept" },
    },
  }),
  fn("fn-c", {
    packageType: "Zip",
    runtime: "python3.8",
    tags: { team: "  " },
    stateIntervals: [
      interval("Active", "2026-01-01T00:00:00Z", "2026-12-02T00:00:00Z"),
      interval("Inactive", "2026-12-02T00:00:00Z", "2026-12-03T00:00:00Z", "Idle"),
      interval("Pending", "2026-12-03T00:00:00Z", "2026-12-03T00:05:00Z", "Restoring"),
      interval("Active", "2026-12-03T00:05:00Z", null),
    ],
  }),
  fn("fn-d", {
    tags: { team: "search" },
    firstSeenAt: at("2026-12-03T00:00:00Z"),
    deploys: [at("2026-12-03T00:00:00Z")],
    stateIntervals: [
      interval("Pending", "2026-12-03T00:00:00Z", "2026-12-03T00:01:00Z", "Creating"),
      interval("Active", "2026-12-03T00:01:00Z", null),
    ],
  }),
  fn("fn-e", { tags: { team: "search" }, deletedAt: at("2026-12-04T00:00:00Z") }),
  fn("fn-f", { tags: { team: "legacy" }, deletedAt: at("2026-11-20T00:00:00Z") }),
  fn("fn-g", {
    tags: { team: "payments" },
    stateIntervals: [
      interval("Active", "2026-01-01T00:00:00Z", "2026-12-05T00:00:00Z"),
      interval("Failed", "2026-12-05T00:00:00Z", null, "ImageDeleted"),
    ],
  }),
  fn("fn-h", { tags: { team: "ml" }, deletedAt: WEEK_START }),
];

const alert = (id: string, overrides: Partial<ReportAlert>): ReportAlert => ({
  id,
  rule: "failed",
  severity: "critical",
  functionId: null,
  team: null,
  openedAt: at("2026-12-01T00:00:00Z"),
  resolvedAt: null,
  ...overrides,
});

const alerts: ReportAlert[] = [
  alert("a1", { functionId: "fn-g", openedAt: at("2026-12-05T00:00:00Z") }),
  alert("a2", {
    functionId: "fn-b",
    severity: "warning",
    openedAt: at("2026-12-01T00:00:00Z"),
    resolvedAt: at("2026-12-01T06:00:00Z"),
  }),
  alert("a3", {
    functionId: "fn-a",
    severity: "info",
    openedAt: at("2026-11-20T00:00:00Z"),
    resolvedAt: at("2026-12-02T00:00:00Z"),
  }),
  alert("a4", { functionId: "gone", team: "data", openedAt: at("2026-12-03T00:00:00Z") }),
  alert("a5", { functionId: "fn-a", openedAt: at("2026-12-07T00:00:00Z") }),
];

// One finished run per hour, except hours 10 and 11 (none) and hour 20 (unfinished).
const pollRuns: ReportPollRun[] = Array.from({ length: 168 }, (_, hour) => hour)
  .filter((hour) => hour !== 10 && hour !== 11)
  .map((hour) => ({
    startedAt: new Date(WEEK_START.getTime() + hour * HOUR_MS + 60_000),
    finishedAt: hour === 20 ? null : new Date(WEEK_START.getTime() + hour * HOUR_MS + 120_000),
    calls: 10,
    throttles: hour === 30 ? 3 : 0,
    errors: hour === 40 ? 2 : 0,
  }));

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  week: "2026-W49",
  timeZone: "UTC",
  now: CLOSED,
  ownerTagKey: "team",
  functions,
  alerts,
  pollRuns,
  previous: null,
  config: DEFAULT_REPORT_CONFIG,
  ...overrides,
});

const previousWeek = computeReportFigures(input({ week: "2026-W48" }));
const report = computeReportFigures(input({ previous: previousWeek }));
const team = (name: string) => report.teams.find((t) => t.team === name)?.figures;

describe("computeReportFigures: week and scope", () => {
  it("reports the week's bounds, closed", () => {
    expect(report).toMatchObject({
      week: "2026-W49",
      start: "2026-11-30T00:00:00.000Z",
      end: "2026-12-07T00:00:00.000Z",
      asOf: "2026-12-07T00:00:00.000Z",
      provisional: false,
    });
  });

  it("groups by owner tag, blank or missing tags as unowned, keeping last week's teams at zero", () => {
    expect(report.teams.map((t) => t.team)).toEqual(["data", "ml", "payments", "search", "unowned"]);
    expect(team("ml")?.inventory).toMatchObject({
      functions: 0,
      functionsDelta: -1,
      imageShare: null,
      deleted: { count: 1 },
    });
    expect(team("data")?.inventory).toMatchObject({ functions: 0, functionsDelta: 0 });
    // fn-f was deleted before W48, so "legacy" is in neither week.
    expect(previousWeek.teams.map((t) => t.team)).toEqual(["ml", "payments", "search", "unowned"]);
  });

  it("counts functions at the end of the week and the image share, with deltas", () => {
    // W48 ends with a, b, c, e, g, h; W49 with a, b, c, d, g.
    expect(previousWeek.fleet.inventory).toMatchObject({ functions: 6, imageFunctions: 5 });
    expect(report.fleet.inventory).toMatchObject({
      functions: 5,
      imageFunctions: 4,
      imageShare: 0.8,
      functionsDelta: -1,
      imageFunctionsDelta: -1,
    });
    expect(report.fleet.inventory.imageShareDelta).toBeCloseTo(0.8 - 5 / 6, 12);
  });

  it("does not count what the first collection found as new, and counts the states at the week's end", () => {
    const imported = functions.map((f) => (f.id === "fn-d" ? { ...f, firstCollection: true } : f));
    const firstWeek = computeReportFigures(input({ functions: imported })).fleet.inventory;
    expect(firstWeek.created.count).toBe(0);
    expect(firstWeek.firstCollection).toBe(1);
    expect(report.fleet.inventory.firstCollection).toBe(0);
    const states = report.fleet.inventory.statesAtEnd;
    expect(Object.values(states).reduce((a, b) => a + b, 0)).toBe(report.fleet.inventory.functions);
    expect(states.Active).toBeGreaterThan(0);
  });

  it("lists new, changed and deleted functions; a deletion at the week's first instant belongs to it", () => {
    const inventory = report.fleet.inventory;
    expect(inventory.created.items.map((f) => f.id)).toEqual(["fn-d"]);
    expect(inventory.changed.items).toEqual([
      { id: "fn-a", accountId: "111122223333", region: "eu-west-1", name: "fn-a", team: "payments", deploys: 2 },
    ]);
    expect(inventory.deploys).toBe(3);
    expect(inventory.deleted.items.map((f) => f.id)).toEqual(["fn-e", "fn-h"]);
    expect(previousWeek.fleet.inventory.deleted.count).toBe(0);
  });

  it("has no deltas without a previous report", () => {
    expect(previousWeek.fleet.inventory).toMatchObject({ functionsDelta: null, imageShareDelta: null });
  });

  it("refuses a week that has not started", () => {
    expect(() => computeReportFigures(input({ now: WEEK_START }))).toThrow(/has not started/);
  });
});

describe("computeReportFigures: lifecycle", () => {
  it("sums time per state, clipped to each function's life in the week", () => {
    const H = HOUR_MS;
    const { stateMs } = report.fleet.lifecycle;
    expect(Object.keys(stateMs)).toEqual(["Active", "Failed", "Inactive", "Pending"]);
    expect(stateMs.Failed).toBe(48 * H);
    expect(stateMs.Inactive).toBe(24 * H);
    expect(stateMs.Pending).toBe(5 * 60_000 + 60_000);
    // a, b: 168 h; c: 168 − 24 − 5 min; d: 96 h − 1 min; e: 96 h until deleted; g: 120 h; h: none.
    expect(stateMs.Active).toBe(168 * H * 2 + (168 - 24) * H - 5 * 60_000 + 96 * H - 60_000 + 96 * H + 120 * H);
  });

  it("lists functions that went Inactive or Failed and whether they recovered", () => {
    const { wentInactive, wentFailed, transitions } = report.fleet.lifecycle;
    expect(transitions).toBe(5);
    expect(wentInactive).toMatchObject({ count: 1, recovered: 1 });
    expect(wentInactive.items[0]).toMatchObject({
      function: { id: "fn-c", team: "unowned" },
      at: "2026-12-02T00:00:00.000Z",
      episodes: 1,
      recoveredAt: "2026-12-03T00:05:00.000Z",
    });
    expect(wentFailed).toMatchObject({
      count: 1,
      recovered: 0,
      items: [{ function: { id: "fn-g" }, recoveredAt: null }],
    });
  });
});

describe("computeReportFigures: idle risk, cold starts, images, alerts, collection", () => {
  it("lists Active image functions due to pass the idle threshold before the end of next week", () => {
    expect(report.fleet.idleRisk).toEqual({
      count: 1,
      items: [
        {
          function: { id: "fn-b", accountId: "111122223333", region: "eu-west-1", name: "fn-b", team: "payments" },
          idleDays: 11,
          idleSinceUnknown: false,
          predictedInactiveAt: "2026-12-10T00:00:00.000Z",
        },
      ],
    });
  });

  it("sums cold starts inside the week only and ranks regressions", () => {
    const { coldStarts } = report.fleet;
    expect(coldStarts).toMatchObject({ invocations: 1000, coldStarts: 100, rate: 0.1, initP95Ms: 1200 });
    expect(coldStarts.initAvgMs).toBeCloseTo((60 * 600 + 40 * 500) / 100, 10);
    expect(coldStarts.topRegressions.items).toEqual([
      {
        function: expect.objectContaining({ id: "fn-a" }),
        rate: 0.1,
        baselineRate: 0.04,
        rateFactor: 2.5,
        initP95Ms: 1200,
        baselineInitP95Ms: 1000,
        initP95Factor: 1.2,
      },
    ]);
  });

  it("counts cold starts per local day of the week", () => {
    expect(report.fleet.coldStarts.daily).toEqual([
      { date: "2026-11-30", invocations: 600, coldStarts: 60 },
      { date: "2026-12-01", invocations: 0, coldStarts: 0 },
      { date: "2026-12-02", invocations: 0, coldStarts: 0 },
      { date: "2026-12-03", invocations: 400, coldStarts: 40 },
      { date: "2026-12-04", invocations: 0, coldStarts: 0 },
      { date: "2026-12-05", invocations: 0, coldStarts: 0 },
      { date: "2026-12-06", invocations: 0, coldStarts: 0 },
    ]);
    expect(team("search")?.coldStarts.daily.every((day) => day.coldStarts === 0)).toBe(true);
  });

  it("lists images behind on base, deprecated runtimes, critical findings, those a lifecycle rule will expire and the oldest", () => {
    const { images } = report.fleet;
    expect(images.behindOnBase.items).toEqual([
      {
        function: expect.objectContaining({ id: "fn-a" }),
        runtime: "python3.12",
        release: "v1",
        newest: "v3",
        releasesBehind: 2,
        newerAvailableSince: "2026-08-01T00:00:00.000Z",
      },
    ]);
    expect(images.deprecatedRuntimes.items).toEqual([
      {
        function: expect.objectContaining({ id: "fn-c" }),
        runtime: "python3.8",
        deprecatedOn: "2024-10-14",
        deprecated: true,
      },
    ]);
    expect(images.criticalFindings.items).toEqual([
      { function: expect.objectContaining({ id: "fn-a" }), digest: "sha256:aaa", critical: 2, high: 5 },
    ]);
    expect(images.expiring?.items).toEqual([
      {
        function: expect.objectContaining({ id: "fn-a" }),
        digest: "sha256:aaa",
        rulePriority: 2,
        rule: "keep last 5",
        severity: "critical",
        when: "at the next push of a matching image",
        urgency: 24,
      },
    ]);
    expect(images.oldest.items.map((e) => [e.function.id, e.ageDays])).toEqual([
      ["fn-a", 189],
      ["fn-b", 36],
    ]);
  });

  it("counts alerts opened and resolved in the week, per team, with mean time to resolve", () => {
    expect(report.fleet.alerts).toEqual({
      opened: 3,
      openedBySeverity: { critical: 2, warning: 1, info: 0 },
      resolved: 2,
      openAtEnd: 2,
      meanTimeToResolveMs: (6 * HOUR_MS + 12 * 24 * HOUR_MS) / 2,
    });
    expect(team("payments")?.alerts).toMatchObject({ opened: 2, resolved: 2, openAtEnd: 1 });
    expect(team("data")?.alerts).toMatchObject({ opened: 1, openAtEnd: 1 });
    expect(team("search")?.alerts).toMatchObject({ opened: 0, resolved: 0, meanTimeToResolveMs: null });
  });

  it("measures collection health over the week's hours", () => {
    expect(report.collection).toEqual({
      runs: 166,
      calls: 1660,
      throttles: 3,
      errors: 2,
      runsWithErrors: 1,
      coverage: 165 / 168,
    });
  });
});

describe("computeReportFigures: stability and windows", () => {
  it("gives byte-identical JSON whatever the input order", () => {
    const shuffled = computeReportFigures(
      input({
        previous: previousWeek,
        functions: [...functions].reverse().map((f) => ({
          ...f,
          dailyActivity: [...f.dailyActivity].reverse(),
          initHours: [...f.initHours].reverse(),
        })),
        alerts: [...alerts].reverse(),
        pollRuns: [...pollRuns].reverse(),
      }),
    );
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(report));
  });

  it("is provisional mid-week and counts only up to now", () => {
    // The rows as loaded up to now: the hour starting at 12:00 on 3 December has not begun.
    const loadedSoFar = functions.map((f) =>
      f.id === "fn-a" ? { ...f, dailyActivity: f.dailyActivity.filter((d) => d.date < "2026-12-03") } : f,
    );
    const midWeek = computeReportFigures(input({ now: at("2026-12-03T12:00:00Z"), functions: loadedSoFar }));
    expect(midWeek).toMatchObject({
      provisional: true,
      asOf: "2026-12-03T12:00:00.000Z",
      end: "2026-12-07T00:00:00.000Z",
    });
    expect(midWeek.fleet.coldStarts).toMatchObject({ invocations: 600, coldStarts: 60 });
    expect(midWeek.fleet.coldStarts.daily.map((day) => day.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
    ]);
    expect(midWeek.fleet.inventory.deleted.items.map((f) => f.id)).toEqual(["fn-h"]);
    expect(midWeek.fleet.inventory.created.items.map((f) => f.id)).toEqual(["fn-d"]);
    // 84 hours so far; hours 10 and 11 had no run, hour 20 only an unfinished one.
    expect(midWeek.collection.coverage).toBe(81 / 84);
  });

  it("uses local week bounds in the configured time zone, across DST", () => {
    const oneRun = {
      startedAt: at("2026-10-19T08:00:00Z"),
      finishedAt: at("2026-10-19T08:01:00Z"),
      calls: 1,
      throttles: 0,
      errors: 0,
    };
    const berlin = computeReportFigures(
      input({ week: "2026-W43", timeZone: "Europe/Berlin", functions: [], alerts: [], pollRuns: [oneRun] }),
    );
    expect(berlin).toMatchObject({ start: "2026-10-18T22:00:00.000Z", end: "2026-10-25T23:00:00.000Z" });
    expect(berlin.collection.coverage).toBe(1 / 169);
    // Local days (the loader assigns hours to them, tests/reports/week-activity.test.ts): only the week's count.
    const edges = computeReportFigures(
      input({
        week: "2026-W43",
        timeZone: "Europe/Berlin",
        functions: [
          fn("fn-tz", {
            dailyActivity: [
              day("2026-10-18", 1, 1),
              day("2026-10-19", 2, 2),
              day("2026-10-25", 4, 4),
              day("2026-10-26", 8, 8),
            ],
          }),
        ],
        alerts: [],
        pollRuns: [],
      }),
    );
    expect(edges.fleet.coldStarts.coldStarts).toBe(6);
    expect(edges.fleet.coldStarts.daily.map((day) => day.coldStarts)).toEqual([2, 0, 0, 0, 0, 0, 4]);
  });

  it("has empty figures for an empty fleet", () => {
    const empty = computeReportFigures(input({ functions: [], alerts: [], pollRuns: [] }));
    expect(empty.teams).toEqual([]);
    expect(empty.fleet.inventory).toMatchObject({ functions: 0, imageShare: null, created: { count: 0, items: [] } });
    expect(empty.fleet.coldStarts).toMatchObject({ rate: null, initP95Ms: null, initAvgMs: null });
    expect(empty.fleet.lifecycle.stateMs).toEqual({});
    expect(empty.collection).toMatchObject({ runs: 0, coverage: 0 });
  });

  it("truncates long lists but keeps their counts", () => {
    const limited = computeReportFigures(input({ config: { ...DEFAULT_REPORT_CONFIG, listLimit: 1 } }));
    expect(limited.fleet.inventory.deleted).toMatchObject({ count: 2, items: [{ id: "fn-e" }] });
  });
});

describe("teamOf", () => {
  it("reads the configured tag key, trimmed", () => {
    expect(teamOf({ owner: " ml " }, "owner")).toBe("ml");
    expect(teamOf({ team: "ml" }, "owner")).toBe("unowned");
    expect(teamOf({ owner: "" }, "owner")).toBe("unowned");
  });
});
