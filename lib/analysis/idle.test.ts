import { describe, expect, it } from "vitest";
import { idleStatus, isInIdleRiskWindow } from "./idle";
import { DAY_MS } from "./time";

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const firstSeenAt = daysAgo(100);

describe("idleStatus", () => {
  it.each([
    [0, "ok"],
    [9.999, "ok"],
    [10, "warn"],
    [12.999, "warn"],
    [13, "critical"],
    [13.999, "critical"],
    [14, "past-threshold"],
    [40, "past-threshold"],
  ] as const)("idle %f days → %s with the default thresholds", (days, level) => {
    expect(idleStatus({ lastInvokedAt: daysAgo(days), firstSeenAt, now }).level).toBe(level);
  });

  it("reports fractional and whole idle days", () => {
    const status = idleStatus({ lastInvokedAt: daysAgo(11.75), firstSeenAt, now });
    expect(status.idleDays).toBeCloseTo(11.75, 10);
    expect(status.wholeIdleDays).toBe(11);
    expect(status.idleSinceUnknown).toBe(false);
  });

  it("predicts the threshold moment from the last invocation", () => {
    const lastInvokedAt = new Date("2026-11-20T08:00:00Z");
    expect(idleStatus({ lastInvokedAt, firstSeenAt, now }).predictedInactiveAt).toEqual(
      new Date("2026-12-04T08:00:00Z"),
    );
  });

  it("has no prediction once the threshold has passed, exactly at it included", () => {
    expect(idleStatus({ lastInvokedAt: daysAgo(14), firstSeenAt, now }).predictedInactiveAt).toBeNull();
    expect(idleStatus({ lastInvokedAt: daysAgo(13.9), firstSeenAt, now }).predictedInactiveAt).not.toBeNull();
  });

  it("counts from first sight, flagged, when no invocation is known", () => {
    const status = idleStatus({ lastInvokedAt: null, firstSeenAt: daysAgo(12), now });
    expect(status).toMatchObject({ idleSinceUnknown: true, wholeIdleDays: 12, level: "warn" });
    expect(status.idleSince).toEqual(daysAgo(12));
  });

  it("honours configured thresholds", () => {
    const status = idleStatus({
      lastInvokedAt: daysAgo(6),
      firstSeenAt,
      now,
      thresholdDays: 7,
      warnDays: 3,
      criticalDays: 5,
    });
    expect(status.level).toBe("critical");
    expect(status.predictedInactiveAt).toEqual(daysAgo(-1));
  });

  it("treats a last invocation in the future (clock skew) as not idle", () => {
    const status = idleStatus({ lastInvokedAt: daysAgo(-1), firstSeenAt, now });
    expect(status).toMatchObject({ idleDays: 0, level: "ok" });
  });
});

describe("isInIdleRiskWindow", () => {
  it("opens one day before the warning", () => {
    expect(isInIdleRiskWindow({ lastInvokedAt: daysAgo(8.99), firstSeenAt, now })).toBe(false);
    expect(isInIdleRiskWindow({ lastInvokedAt: daysAgo(9), firstSeenAt, now })).toBe(true);
    expect(isInIdleRiskWindow({ lastInvokedAt: daysAgo(30), firstSeenAt, now })).toBe(true);
  });

  it("follows a configured warning threshold", () => {
    expect(isInIdleRiskWindow({ lastInvokedAt: daysAgo(4), firstSeenAt, now, warnDays: 5 })).toBe(true);
    expect(isInIdleRiskWindow({ lastInvokedAt: daysAgo(3.5), firstSeenAt, now, warnDays: 5 })).toBe(false);
  });
});

describe("idleStatus of an Inactive or Failed function", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  it("puts an Inactive function past the threshold with no crossing date, idle at least since it went Inactive", () => {
    const status = idleStatus({
      lastInvokedAt: null,
      firstSeenAt: now,
      now,
      state: "Inactive",
      stateSince: new Date("2026-12-01T12:00:00Z"),
    });
    expect(status).toMatchObject({ level: "past-threshold", predictedInactiveAt: null, idleSinceUnknown: true });
    expect(status.inactiveSince?.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(status.idleDays).toBe(6);
  });

  it("gives a Failed function no crossing date: it cannot go Inactive", () => {
    const status = idleStatus({
      lastInvokedAt: new Date("2026-12-06T12:00:00Z"),
      firstSeenAt: now,
      now,
      state: "Failed",
    });
    expect(status).toMatchObject({ failed: true, predictedInactiveAt: null, inactiveSince: null });
  });
});
