import { describe, expect, it } from "vitest";
import { coverageNote, fleetCoverage, stepCoverage, windowCoverage } from "./coverage";
import { DAY_MS, HOUR_MS } from "./time";

const at = (iso: string) => new Date(iso);
const window = { from: at("2026-12-01T00:00:00Z"), to: at("2026-12-08T00:00:00Z") };

describe("stepCoverage", () => {
  const span = { from: at("2026-12-06T00:00:00Z"), to: at("2026-12-07T12:30:00Z") };
  it("tells steps outside, inside and across the collected span apart", () => {
    expect(stepCoverage(span, Date.parse("2026-12-05T23:00:00Z"), Date.parse("2026-12-06T00:00:00Z"))).toBe("none");
    expect(stepCoverage(span, Date.parse("2026-12-06T00:00:00Z"), Date.parse("2026-12-06T01:00:00Z"))).toBe("full");
    expect(stepCoverage(span, Date.parse("2026-12-07T12:00:00Z"), Date.parse("2026-12-07T13:00:00Z"))).toBe("partial");
    expect(stepCoverage(null, 0, HOUR_MS)).toBe("none");
  });
});

describe("windowCoverage", () => {
  it("clips the span to the window and is complete only when it starts at or before the window", () => {
    const late = windowCoverage({ from: at("2026-12-06T00:00:00Z"), to: window.to }, window, HOUR_MS);
    expect(late).toEqual({ from: "2026-12-06T00:00:00.000Z", to: "2026-12-08T00:00:00.000Z", complete: false });
    const early = windowCoverage({ from: at("2026-11-01T00:00:00Z"), to: at("2026-12-07T23:20:00Z") }, window, HOUR_MS);
    expect(early).toEqual({ from: "2026-12-01T00:00:00.000Z", to: "2026-12-07T23:20:00.000Z", complete: true });
  });

  it("is incomplete when collection stopped before the window's last step, and empty without a span", () => {
    const stale = windowCoverage({ from: at("2026-11-01T00:00:00Z"), to: at("2026-12-05T00:00:00Z") }, window, HOUR_MS);
    expect(stale.complete).toBe(false);
    expect(windowCoverage(null, window, DAY_MS)).toEqual({ from: null, to: null, complete: false });
  });
});

describe("fleetCoverage", () => {
  it("counts the functions fully covered", () => {
    const fleet = fleetCoverage([
      { from: "2026-12-01T00:00:00.000Z", to: "2026-12-08T00:00:00.000Z", complete: true },
      { from: "2026-12-06T00:00:00.000Z", to: "2026-12-07T00:00:00.000Z", complete: false },
      { from: null, to: null, complete: false },
    ]);
    expect(fleet).toEqual({
      from: "2026-12-01T00:00:00.000Z",
      to: "2026-12-08T00:00:00.000Z",
      complete: false,
      functions: 3,
      fullyCovered: 1,
    });
  });
});

describe("coverageNote", () => {
  const iso = { from: window.from.toISOString(), to: window.to.toISOString() };
  it("says how much of the window a total covers", () => {
    expect(coverageNote({ from: "2026-12-06T00:00:00.000Z", to: iso.to, complete: false }, iso)).toBe(
      "7 d · covers the last 2 d",
    );
    expect(coverageNote({ from: "2026-12-07T19:00:00.000Z", to: iso.to, complete: false }, iso)).toBe(
      "7 d · covers the last 5 h",
    );
    expect(coverageNote({ from: null, to: null, complete: false }, iso)).toBe("7 d · not collected");
    expect(coverageNote({ from: iso.from, to: iso.to, complete: true }, iso)).toBeNull();
  });
});
