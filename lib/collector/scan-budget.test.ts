import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/analysis/time";
import { bytesPerHour } from "./backfill";
import { GIB, ScanBudget } from "./scan-budget";

describe("ScanBudget", () => {
  it("grants reservations while they fit, and settles them to what was scanned", () => {
    const budget = ScanBudget.ofGiB(1);
    expect(budget.reserve(0.75 * GIB)).toBe(true);
    expect(budget.reserve(0.5 * GIB)).toBe(false);
    expect(budget.remainingBytes).toBe(0.25 * GIB);
    budget.settle(0.75 * GIB, 0.25 * GIB);
    expect(budget.remainingBytes).toBe(0.75 * GIB);
    expect(budget.reserve(0.5 * GIB)).toBe(true);
  });

  it("is spent when a query scanned more than estimated", () => {
    const budget = new ScanBudget(100);
    budget.reserve(50);
    budget.settle(50, 130);
    expect(budget.remainingBytes).toBe(0);
    expect(budget.reserve(1)).toBe(false);
    expect(budget.reserve(0)).toBe(true);
  });
});

describe("bytesPerHour", () => {
  const now = new Date("2026-10-05T00:00:00Z");

  it("spreads stored bytes over the group's age", () => {
    const created = new Date(now.getTime() - 10 * DAY_MS);
    expect(bytesPerHour({ name: "g", storedBytes: 240_000, createdAt: created, retentionDays: null }, now)).toBe(1000);
  });

  it("counts only the retained days of an older group", () => {
    const created = new Date(now.getTime() - 400 * DAY_MS);
    expect(bytesPerHour({ name: "g", storedBytes: 72_000, createdAt: created, retentionDays: 3 }, now)).toBe(1000);
  });

  it("assumes the last day when the age is unknown, and a whole hour for a brand-new group", () => {
    expect(bytesPerHour({ name: "g", storedBytes: 24_000, createdAt: null, retentionDays: null }, now)).toBe(1000);
    const justNow = new Date(now.getTime() - 60_000);
    expect(bytesPerHour({ name: "g", storedBytes: 500, createdAt: justNow, retentionDays: null }, now)).toBe(500);
  });
});
