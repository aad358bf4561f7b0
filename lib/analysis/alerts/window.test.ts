import { describe, expect, it } from "vitest";
import { DAY_MS } from "../time";
import { alertWindow, MAX_WINDOW_MS } from "./window";

const at = (iso: string) => new Date(iso);

describe("alertWindow", () => {
  it("starts three days before the alert opened and ends an hour after it resolved, on whole hours", () => {
    const window = alertWindow(
      { openedAt: at("2026-12-01T10:20:00Z"), resolvedAt: at("2026-12-02T08:05:00Z") },
      at("2026-12-09T00:00:00Z"),
    );
    expect(window).toEqual({ from: at("2026-11-28T10:00:00Z"), to: at("2026-12-02T10:00:00Z") });
  });

  it("ends an hour after now while the alert is active", () => {
    const window = alertWindow({ openedAt: at("2026-12-01T10:00:00Z"), resolvedAt: null }, at("2026-12-03T07:00:00Z"));
    expect(window).toEqual({ from: at("2026-11-28T10:00:00Z"), to: at("2026-12-03T08:00:00Z") });
  });

  it("contains the opening even when now lags behind it", () => {
    const window = alertWindow({ openedAt: at("2026-12-05T10:30:00Z"), resolvedAt: null }, at("2026-12-01T00:00:00Z"));
    expect(window).toEqual({ from: at("2026-12-02T10:00:00Z"), to: at("2026-12-05T12:00:00Z") });
  });

  it("never exceeds the longest window the function page accepts", () => {
    const now = at("2026-12-01T00:00:00Z");
    const window = alertWindow({ openedAt: new Date(now.getTime() - 600 * DAY_MS), resolvedAt: null }, now);
    expect(window.to.getTime() - window.from.getTime()).toBe(MAX_WINDOW_MS);
  });
});
