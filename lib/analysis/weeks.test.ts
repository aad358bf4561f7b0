import { describe, expect, it } from "vitest";
import { isoWeekOf, lastClosedWeek, nextWeek, parseIsoWeek, previousWeek, weekBounds, weekDays } from "./weeks";

const at = (iso: string) => new Date(iso);
const hours = ({ start, end }: { start: Date; end: Date }) => (end.getTime() - start.getTime()) / 3_600_000;

describe("isoWeekOf", () => {
  it.each([
    ["2026-12-01T12:00:00Z", "2026-W49"],
    ["2026-11-30T00:00:00Z", "2026-W49"],
    ["2026-11-29T23:59:59Z", "2026-W48"],
    ["2026-12-31T12:00:00Z", "2026-W53"],
    ["2027-01-03T23:59:59Z", "2026-W53"],
    ["2027-01-04T00:00:00Z", "2027-W01"],
    ["2024-12-30T00:00:00Z", "2025-W01"],
    ["2021-01-03T12:00:00Z", "2020-W53"],
    ["2026-01-01T00:00:00Z", "2026-W01"],
  ])("%s is in %s (UTC)", (instant, week) => {
    expect(isoWeekOf(at(instant))).toBe(week);
  });

  it("reads the calendar date in the given time zone", () => {
    // Sunday 23:30 UTC is already Monday in Berlin, still Sunday in New York.
    expect(isoWeekOf(at("2026-12-27T23:30:00Z"), "UTC")).toBe("2026-W52");
    expect(isoWeekOf(at("2026-12-27T23:30:00Z"), "Europe/Berlin")).toBe("2026-W53");
    expect(isoWeekOf(at("2027-01-04T03:00:00Z"), "America/New_York")).toBe("2026-W53");
    expect(isoWeekOf(at("2027-01-03T11:00:00Z"), "Pacific/Auckland")).toBe("2027-W01");
    expect(isoWeekOf(at("2027-01-03T10:59:59Z"), "Pacific/Auckland")).toBe("2026-W53");
  });

  it("rejects an unknown time zone", () => {
    expect(() => isoWeekOf(at("2026-12-01T00:00:00Z"), "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("weekBounds", () => {
  it("runs Monday to Monday in UTC", () => {
    expect(weekBounds("2026-W49")).toEqual({ start: at("2026-11-30T00:00:00Z"), end: at("2026-12-07T00:00:00Z") });
    expect(weekBounds("2026-W53")).toEqual({ start: at("2026-12-28T00:00:00Z"), end: at("2027-01-04T00:00:00Z") });
    expect(weekBounds("2027-W01").start).toEqual(at("2027-01-04T00:00:00Z"));
    expect(weekBounds("2025-W01").start).toEqual(at("2024-12-30T00:00:00Z"));
  });

  it("uses local midnight in Europe/Berlin, 167 h in the spring-forward week, 169 h in autumn", () => {
    expect(weekBounds("2026-W49", "Europe/Berlin")).toEqual({
      start: at("2026-11-29T23:00:00Z"),
      end: at("2026-12-06T23:00:00Z"),
    });
    const spring = weekBounds("2026-W13", "Europe/Berlin");
    expect(spring).toEqual({ start: at("2026-03-22T23:00:00Z"), end: at("2026-03-29T22:00:00Z") });
    expect(hours(spring)).toBe(167);
    expect(hours(weekBounds("2026-W43", "Europe/Berlin"))).toBe(169);
    expect(hours(weekBounds("2026-W44", "Europe/Berlin"))).toBe(168);
  });

  it("handles America/New_York DST weeks", () => {
    const spring = weekBounds("2026-W10", "America/New_York");
    expect(spring).toEqual({ start: at("2026-03-02T05:00:00Z"), end: at("2026-03-09T04:00:00Z") });
    expect(hours(spring)).toBe(167);
    expect(hours(weekBounds("2026-W44", "America/New_York"))).toBe(169);
  });

  it("handles Pacific/Auckland, where DST ends in April and starts in September", () => {
    expect(weekBounds("2027-W01", "Pacific/Auckland").start).toEqual(at("2027-01-03T11:00:00Z"));
    expect(hours(weekBounds("2026-W14", "Pacific/Auckland"))).toBe(169);
    expect(hours(weekBounds("2026-W39", "Pacific/Auckland"))).toBe(167);
  });

  it("starts the day at the DST jump when local midnight does not exist", () => {
    // Asia/Tehran skipped 00:00–01:00 on Monday 2021-03-22.
    const week = weekBounds("2021-W12", "Asia/Tehran");
    expect(week.start).toEqual(at("2021-03-21T20:30:00Z"));
    expect(hours(week)).toBe(167);
  });

  it("round-trips: both bounds belong to consecutive weeks", () => {
    for (const tz of ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland"]) {
      const { start, end } = weekBounds("2026-W13", tz);
      expect(isoWeekOf(start, tz)).toBe("2026-W13");
      expect(isoWeekOf(new Date(start.getTime() - 1), tz)).toBe("2026-W12");
      expect(isoWeekOf(end, tz)).toBe("2026-W14");
      expect(isoWeekOf(new Date(end.getTime() - 1), tz)).toBe("2026-W13");
    }
  });
});

describe("weekDays", () => {
  it("gives seven consecutive local days that tile the week", () => {
    for (const tz of ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]) {
      const days = weekDays("2026-W13", tz);
      const { start, end } = weekBounds("2026-W13", tz);
      expect(days).toHaveLength(7);
      expect(days[0]!.start).toEqual(start);
      expect(days[6]!.end).toEqual(end);
      for (let i = 1; i < 7; i++) expect(days[i]!.start).toEqual(days[i - 1]!.end);
    }
  });

  it("names local dates, Monday first, across a year boundary", () => {
    expect(weekDays("2026-W53").map((d) => d.date)).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });

  it("has a 23-hour day when DST starts and a 25-hour day when it ends", () => {
    // Europe/Berlin: clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
    expect(weekDays("2026-W13", "Europe/Berlin").map(hours)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(weekDays("2026-W43", "Europe/Berlin").map(hours)).toEqual([24, 24, 24, 24, 24, 24, 25]);
    expect(weekDays("2026-W43", "Europe/Berlin")[0]!.start).toEqual(at("2026-10-18T22:00:00Z"));
  });
});

describe("parseIsoWeek", () => {
  it("parses valid labels, W53 only where the year has it", () => {
    expect(parseIsoWeek("2026-W49")).toEqual({ year: 2026, week: 49 });
    expect(parseIsoWeek("2026-W53")).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek("2020-W53")).toEqual({ year: 2020, week: 53 });
    expect(parseIsoWeek("2027-W52")).toEqual({ year: 2027, week: 52 });
  });

  it.each(["2025-W53", "2027-W53", "2026-W00", "2026-W54"])("rejects %s as out of range", (label) => {
    expect(() => parseIsoWeek(label)).toThrow(/has weeks W01 to W5[23]/);
  });

  it.each(["2026-w49", "2026W49", "26-W49", "2026-W5", "2026-W049", " 2026-W49", ""])(
    "rejects %j as malformed",
    (label) => {
      expect(() => parseIsoWeek(label)).toThrow(/expected the form 2026-W49/);
    },
  );
});

describe("previousWeek / nextWeek / lastClosedWeek", () => {
  it("steps across year boundaries, including W53", () => {
    expect(nextWeek("2026-W52")).toBe("2026-W53");
    expect(nextWeek("2026-W53")).toBe("2027-W01");
    expect(previousWeek("2027-W01")).toBe("2026-W53");
    expect(previousWeek("2026-W01")).toBe("2025-W52");
    expect(nextWeek("2025-W52")).toBe("2026-W01");
  });

  it("gives the week that ended most recently", () => {
    expect(lastClosedWeek(at("2026-12-07T00:00:00Z"))).toBe("2026-W49");
    expect(lastClosedWeek(at("2026-12-06T23:59:59Z"))).toBe("2026-W48");
    expect(lastClosedWeek(at("2026-12-06T23:30:00Z"), "Europe/Berlin")).toBe("2026-W49");
    expect(lastClosedWeek(at("2027-01-04T00:00:00Z"))).toBe("2026-W53");
  });
});
