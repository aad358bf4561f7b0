import { describe, expect, it } from "vitest";
import { summarizeBackfill } from "./backfill-progress";

describe("summarizeBackfill", () => {
  it("counts the scopes still backfilling and the share of histories complete", () => {
    expect(
      summarizeBackfill([
        { done: 10, total: 10 },
        { done: 2, total: 10 },
        { done: 0, total: 4 },
      ]),
    ).toEqual({ scopes: 3, backfilling: 2, percent: 50 });
  });

  it("leaves out scopes with nothing to backfill, and never rounds up to 100 %", () => {
    expect(
      summarizeBackfill([
        { done: 0, total: 0 },
        { done: 999, total: 1000 },
      ]),
    ).toEqual({
      scopes: 1,
      backfilling: 1,
      percent: 99,
    });
  });

  it("is complete when there is nothing at all", () => {
    expect(summarizeBackfill([])).toEqual({ scopes: 0, backfilling: 0, percent: 100 });
  });
});
