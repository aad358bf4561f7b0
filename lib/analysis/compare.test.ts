import { describe, expect, it } from "vitest";
import { compareStrings, sumByKey } from "./compare";

describe("compareStrings", () => {
  it("orders by code unit, not locale", () => {
    expect(["b", "a", "B", "ä"].sort(compareStrings)).toEqual(["B", "a", "b", "ä"]);
    expect(compareStrings("x", "x")).toBe(0);
  });
});

describe("sumByKey", () => {
  it("sums per key with keys in sorted order", () => {
    const summed = sumByKey([
      ["Pending", 1],
      ["Active", 2],
      ["Pending", 3],
    ]);
    expect(summed).toEqual({ Active: 2, Pending: 4 });
    expect(Object.keys(summed)).toEqual(["Active", "Pending"]);
    expect(sumByKey([])).toEqual({});
  });
});
