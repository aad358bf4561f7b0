import { describe, expect, it } from "vitest";
import { utcDate, wholeDaysBetween } from "./time";

describe("time helpers", () => {
  it("formats the UTC calendar date", () => {
    expect(utcDate(new Date("2026-12-03T23:59:59Z"))).toBe("2026-12-03");
  });

  it("counts completed days", () => {
    const from = new Date("2026-12-01T12:00:00Z");
    expect(wholeDaysBetween(from, new Date("2026-12-03T11:59:59Z"))).toBe(1);
    expect(wholeDaysBetween(from, new Date("2026-12-03T12:00:00Z"))).toBe(2);
    expect(wholeDaysBetween(from, from)).toBe(0);
  });
});
