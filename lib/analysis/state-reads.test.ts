import { describe, expect, it } from "vitest";
import { isSweepDue, needsStateRead, type StateReadInput, sweepSlotOffset } from "./state-reads";
import { HOUR_MS, MINUTE_MS } from "./time";

const now = new Date("2026-12-01T12:00:00Z");
const base: StateReadInput = {
  functionId: "arn:aws:lambda:eu-west-1:111122223333:function:a",
  now,
  lastStateReadAt: new Date(now.getTime() - 1000),
  isNew: false,
  isChanged: false,
  lastState: "Active",
  inIdleRiskWindow: false,
};

describe("needsStateRead", () => {
  it("reads nothing for a freshly read, unchanged, Active function", () => {
    expect(needsStateRead(base)).toBeNull();
  });

  it.each([
    [{ isNew: true, isChanged: true, lastState: null }, "new"],
    [{ isChanged: true, lastState: "Pending" }, "changed"],
    [{ lastState: "Inactive", inIdleRiskWindow: true }, "not-active"],
    [{ lastState: null }, "not-active"],
    [{ inIdleRiskWindow: true, lastStateReadAt: null }, "idle-risk"],
    [{ lastStateReadAt: null }, "sweep"],
  ] as const)("%o → %s (first matching reason wins)", (overrides, reason) => {
    expect(needsStateRead({ ...base, ...overrides })).toBe(reason);
  });
});

describe("isSweepDue", () => {
  const id = base.functionId;
  const offset = sweepSlotOffset(id, HOUR_MS);
  const hourStart = Date.UTC(2026, 11, 1, 12);
  const slot = new Date(hourStart + offset);

  it("is due from the function's slot until it is read, and not again before the next slot", () => {
    const readBefore = new Date(slot.getTime() - 1);
    expect(
      isSweepDue({ functionId: id, now: new Date(slot.getTime() - 1), lastStateReadAt: new Date(slot.getTime() - 2) }),
    ).toBe(false);
    expect(isSweepDue({ functionId: id, now: slot, lastStateReadAt: readBefore })).toBe(true);
    expect(
      isSweepDue({ functionId: id, now: new Date(slot.getTime() + 30 * MINUTE_MS), lastStateReadAt: readBefore }),
    ).toBe(true);
    expect(isSweepDue({ functionId: id, now: new Date(slot.getTime() + 30 * MINUTE_MS), lastStateReadAt: slot })).toBe(
      false,
    );
    expect(isSweepDue({ functionId: id, now: new Date(slot.getTime() + HOUR_MS), lastStateReadAt: slot })).toBe(true);
  });

  it("is due when never read", () => {
    expect(isSweepDue({ functionId: id, now, lastStateReadAt: null })).toBe(true);
  });

  it("re-reads every function at least once per interval when polled every cycle", () => {
    const cycle = 5 * MINUTE_MS;
    const ids = Array.from({ length: 50 }, (_, i) => `fn-${i}`);
    const lastRead = new Map<string, number>(ids.map((fid) => [fid, hourStart]));
    let longestGap = 0;
    for (let t = hourStart + cycle; t <= hourStart + 6 * HOUR_MS; t += cycle) {
      for (const fid of ids) {
        const last = lastRead.get(fid)!;
        if (isSweepDue({ functionId: fid, now: new Date(t), lastStateReadAt: new Date(last) })) {
          longestGap = Math.max(longestGap, t - last);
          lastRead.set(fid, t);
        }
      }
    }
    expect(longestGap).toBeLessThanOrEqual(HOUR_MS + cycle);
  });

  it("spreads slots evenly over the interval", () => {
    const buckets = new Array<number>(12).fill(0);
    for (let i = 0; i < 12_000; i++) {
      const offset = sweepSlotOffset(`arn:aws:lambda:eu-west-1:111122223333:function:fn-${i}`, HOUR_MS);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(HOUR_MS);
      buckets[Math.floor(offset / (5 * MINUTE_MS))]! += 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it("honours a configured interval", () => {
    const interval = 15 * MINUTE_MS;
    const offset = sweepSlotOffset(id, interval);
    expect(offset).toBeLessThan(interval);
    const at = new Date(hourStart + offset);
    expect(
      isSweepDue({ functionId: id, now: at, lastStateReadAt: new Date(at.getTime() - 1), sweepIntervalMs: interval }),
    ).toBe(true);
    expect(
      isSweepDue({
        functionId: id,
        now: new Date(at.getTime() + interval - 1),
        lastStateReadAt: at,
        sweepIntervalMs: interval,
      }),
    ).toBe(false);
  });
});
