import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION, type MetricTotals, retentionCutoffs, rollUp, snapshotsToThin } from "./retention";

const bucket = (over: Partial<MetricTotals>): MetricTotals => ({
  invocations: 0,
  errors: 0,
  throttles: 0,
  durationAvg: null,
  durationP95: null,
  concurrencyMax: null,
  coldStarts: 0,
  initAvg: null,
  initP95: null,
  initMax: null,
  ...over,
});

describe("rollUp", () => {
  it("sums counts, weights averages by their sample counts and keeps maxima", () => {
    const daily = rollUp([
      bucket({
        invocations: 10,
        errors: 1,
        durationAvg: 100,
        durationP95: 200,
        concurrencyMax: 3,
        coldStarts: 1,
        initAvg: 800,
        initP95: 800,
        initMax: 800,
      }),
      bucket({
        invocations: 30,
        throttles: 2,
        durationAvg: 200,
        durationP95: 300,
        concurrencyMax: 5,
        coldStarts: 3,
        initAvg: 400,
        initP95: 500,
        initMax: 900,
      }),
      bucket({}),
    ]);
    expect(daily).toMatchObject({
      invocations: 40,
      errors: 1,
      throttles: 2,
      coldStarts: 4,
      concurrencyMax: 5,
      initMax: 900,
    });
    expect(daily.durationAvg).toBeCloseTo(175);
    expect(daily.initAvg).toBeCloseTo(500);
    expect(daily.durationP95).toBe(300);
  });

  it("keeps nulls where no bucket had samples", () => {
    expect(rollUp([bucket({ invocations: 0 })])).toMatchObject({
      durationAvg: null,
      initP95: null,
      concurrencyMax: null,
    });
  });
});

describe("snapshotsToThin", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it("keeps recent snapshots, one per hour after two days, one per day after thirty", () => {
    const recent = [minutesAgo(5), minutesAgo(10), minutesAgo(60 * 47)];
    const threeDaysOld = [0, 5, 10, 65].map((m) => new Date(Date.parse("2026-11-27T08:00:00Z") + m * 60_000));
    const fortyDaysOld = [0, 60, 120].map((m) => new Date(Date.parse("2026-10-21T01:00:00Z") + m * 60_000));
    const drop = snapshotsToThin([...recent, ...threeDaysOld, ...fortyDaysOld], now, DEFAULT_RETENTION);
    expect(drop.map((d) => d.toISOString()).sort()).toEqual(
      [threeDaysOld[1], threeDaysOld[2], fortyDaysOld[1], fortyDaysOld[2]].map((d) => d?.toISOString()).sort(),
    );
  });

  it("is idempotent: thinning what survived drops nothing more", () => {
    const all = Array.from({ length: 24 * 40 }, (_, i) => minutesAgo(i * 60 + 7));
    const dropped = new Set(snapshotsToThin(all, now, DEFAULT_RETENTION).map((d) => d.getTime()));
    const survivors = all.filter((d) => !dropped.has(d.getTime()));
    expect(snapshotsToThin(survivors, now, DEFAULT_RETENTION)).toEqual([]);
  });
});

describe("retentionCutoffs", () => {
  it("derives cut-offs from the policy", () => {
    const c = retentionCutoffs(new Date("2026-11-30T00:00:00Z"), DEFAULT_RETENTION);
    expect(c.fiveMinute.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(c.hourly.toISOString()).toBe("2026-09-01T00:00:00.000Z");
  });
});
