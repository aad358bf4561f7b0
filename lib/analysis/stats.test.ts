import { describe, expect, it } from "vitest";
import { coldStartRate, mean, mergeBuckets, percentile } from "./stats";

describe("percentile (nearest rank)", () => {
  const values = [15, 20, 35, 40, 50];

  it.each([
    [0, 15],
    [5, 15],
    [20, 15],
    [21, 20],
    [30, 20],
    [40, 20],
    [50, 35],
    [95, 50],
    [100, 50],
  ])("p%d → %d", (p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it("does not depend on input order or mutate the input", () => {
    const shuffled = [50, 15, 40, 20, 35];
    expect(percentile(shuffled, 50)).toBe(35);
    expect(shuffled).toEqual([50, 15, 40, 20, 35]);
  });

  it("picks the 95th of 100 values", () => {
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
  });

  it("is null for no values and rejects p outside 0..100", () => {
    expect(percentile([], 95)).toBeNull();
    expect(() => percentile(values, 101)).toThrow(RangeError);
    expect(() => percentile(values, -1)).toThrow(RangeError);
    expect(() => percentile(values, Number.NaN)).toThrow(RangeError);
  });
});

describe("mean", () => {
  it("averages, null for none", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
});

describe("mergeBuckets", () => {
  it("merges count, weighted average and max exactly", () => {
    const merged = mergeBuckets([
      { count: 1, avg: 100, p95: 100, max: 100 },
      { count: 3, avg: 200, p95: 290, max: 300 },
    ]);
    expect(merged.count).toBe(4);
    expect(merged.avg).toBe(175);
    expect(merged.max).toBe(300);
  });

  it("approximates p95 by the count-weighted p95 of bucket p95s", () => {
    const merged = mergeBuckets([
      { count: 90, avg: 100, p95: 150, max: 400 },
      { count: 10, avg: 500, p95: 700, max: 800 },
    ]);
    expect(merged.p95).toBe(700);
    const mostlyFast = mergeBuckets([
      { count: 96, avg: 100, p95: 150, max: 400 },
      { count: 4, avg: 500, p95: 700, max: 800 },
    ]);
    expect(mostlyFast.p95).toBe(150);
  });

  it("is exact for a single bucket", () => {
    expect(mergeBuckets([{ count: 7, avg: 10, p95: 12, max: 13 }])).toEqual({ count: 7, avg: 10, p95: 12, max: 13 });
  });

  it("ignores empty buckets and reports nulls when nothing is left", () => {
    expect(mergeBuckets([{ count: 0, avg: null, p95: null, max: null }])).toEqual({
      count: 0,
      avg: null,
      p95: null,
      max: null,
    });
    expect(mergeBuckets([])).toEqual({ count: 0, avg: null, p95: null, max: null });
    expect(
      mergeBuckets([
        { count: 0, avg: 9999, p95: 9999, max: 9999 },
        { count: 2, avg: 10, p95: 11, max: 12 },
      ]),
    ).toEqual({ count: 2, avg: 10, p95: 11, max: 12 });
  });
});

describe("coldStartRate", () => {
  it("divides, null without invocations", () => {
    expect(coldStartRate(5, 100)).toBe(0.05);
    expect(coldStartRate(0, 100)).toBe(0);
    expect(coldStartRate(3, 0)).toBeNull();
  });
});
