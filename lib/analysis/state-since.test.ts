import { describe, expect, it } from "vitest";
import { stateSince } from "./state-since";
import { HOUR_MS } from "./time";

const seen = new Date("2026-12-07T10:00:00Z");
const base = {
  state: "Failed",
  intervalFrom: seen,
  firstInterval: true,
  lastUpdateStatus: "Successful",
  lastModified: new Date("2026-11-01T00:00:00Z"),
};
const hour = (hoursBefore: number, invocations: number, errors: number) => ({
  start: seen.getTime() - hoursBefore * HOUR_MS,
  invocations,
  errors,
});

describe("stateSince", () => {
  it("takes an observed transition as it is", () => {
    const from = new Date("2026-12-05T00:00:00Z");
    expect(stateSince({ ...base, intervalFrom: from, firstInterval: false })).toEqual({
      at: from,
      atLeast: false,
      evidence: "transition",
    });
  });

  it("dates a Failed function whose last update failed from that update", () => {
    expect(stateSince({ ...base, lastUpdateStatus: "Failed" })).toMatchObject({
      at: base.lastModified,
      evidence: "failed-update",
    });
  });

  it("dates a Failed function from the onset of hours where every invocation failed", () => {
    const hours = [hour(50, 10, 0), hour(48, 4, 4), hour(30, 7, 7), hour(2, 1, 1), hour(40, 0, 0)];
    expect(stateSince({ ...base, hours })).toEqual({
      at: new Date(seen.getTime() - 48 * HOUR_MS),
      atLeast: false,
      evidence: "errors",
    });
  });

  it("says 'at least' since first sight when nothing earlier is known", () => {
    expect(stateSince({ ...base, hours: [hour(3, 5, 1)] })).toEqual({
      at: seen,
      atLeast: true,
      evidence: "first-sight",
    });
    expect(stateSince({ ...base, state: "Inactive" })).toMatchObject({ atLeast: true, evidence: "first-sight" });
  });
});
