import { describe, expect, it } from "vitest";
import {
  applyObservation,
  type OpenInterval,
  type StateInterval,
  stateAt,
  stateCountsAt,
  timeInStates,
  transitionsIn,
} from "./state-intervals";

const t = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const active: OpenInterval = { state: "Active", reasonCode: null, reason: null, from: t("10:00") };

describe("applyObservation", () => {
  it("opens the first interval", () => {
    expect(applyObservation(null, { state: "Pending", reasonCode: "Creating", reason: "x", at: t("09:00") })).toEqual({
      kind: "open",
      next: { state: "Pending", reasonCode: "Creating", reason: "x", from: t("09:00") },
    });
  });

  it("extends on a repeated observation, even with reworded reason text", () => {
    expect(
      applyObservation(active, { state: "Active", reasonCode: null, reason: "now worded", at: t("11:00") }),
    ).toEqual({
      kind: "extend",
    });
  });

  it("closes and opens on a state change", () => {
    expect(applyObservation(active, { state: "Inactive", reasonCode: "Idle", reason: "idle", at: t("12:00") })).toEqual(
      {
        kind: "open",
        close: { to: t("12:00") },
        next: { state: "Inactive", reasonCode: "Idle", reason: "idle", from: t("12:00") },
      },
    );
  });

  it("closes and opens on a reason-code change within the same state", () => {
    const failed: OpenInterval = { state: "Failed", reasonCode: "ImageDeleted", reason: null, from: t("10:00") };
    const update = applyObservation(failed, {
      state: "Failed",
      reasonCode: "ImageAccessDenied",
      reason: null,
      at: t("10:05"),
    });
    expect(update).toMatchObject({
      kind: "open",
      close: { to: t("10:05") },
      next: { reasonCode: "ImageAccessDenied" },
    });
  });

  it("ignores an observation older than the open interval", () => {
    expect(applyObservation(active, { state: "Pending", reasonCode: null, reason: null, at: t("09:59") })).toEqual({
      kind: "stale",
    });
  });
});

const history: StateInterval[] = [
  { state: "Active", reasonCode: null, reason: null, from: t("12:00"), to: t("14:00") },
  { state: "Pending", reasonCode: "Creating", reason: null, from: t("08:00"), to: t("08:30") },
  { state: "Active", reasonCode: null, reason: null, from: t("08:30"), to: t("11:00") },
  { state: "Inactive", reasonCode: "Idle", reason: "idle", from: t("11:00"), to: t("12:00") },
  { state: "Pending", reasonCode: "Restoring", reason: null, from: t("14:00"), to: null },
];
const HOUR = 3_600_000;

describe("timeInStates", () => {
  it("clips to the window and runs the open interval to its end", () => {
    expect(timeInStates(history, { start: t("08:15"), end: t("16:00") })).toEqual({
      Active: 4.5 * HOUR,
      Inactive: HOUR,
      Pending: 0.25 * HOUR + 2 * HOUR,
    });
  });

  it("returns keys in sorted order", () => {
    expect(Object.keys(timeInStates(history, { start: t("00:00"), end: t("23:00") }))).toEqual([
      "Active",
      "Inactive",
      "Pending",
    ]);
  });

  it("leaves out states not seen within the window", () => {
    expect(timeInStates(history, { start: t("09:00"), end: t("10:00") })).toEqual({ Active: HOUR });
    expect(timeInStates(history, { start: t("01:00"), end: t("02:00") })).toEqual({});
  });
});

describe("transitionsIn", () => {
  it("lists the changes inside the window in time order, half-open at the end", () => {
    const transitions = transitionsIn(history, { start: t("08:30"), end: t("14:00") });
    expect(transitions.map((x) => [x.at, x.from.state, x.to.state])).toEqual([
      [t("08:30"), "Pending", "Active"],
      [t("11:00"), "Active", "Inactive"],
      [t("12:00"), "Inactive", "Active"],
    ]);
  });

  it("does not count first sight as a transition", () => {
    expect(transitionsIn(history, { start: t("00:00"), end: t("08:29") })).toEqual([]);
  });

  it("carries reason codes and the new reason", () => {
    const [first] = transitionsIn(history, { start: t("10:00"), end: t("11:30") });
    expect(first).toEqual({
      at: t("11:00"),
      from: { state: "Active", reasonCode: null },
      to: { state: "Inactive", reasonCode: "Idle", reason: "idle" },
    });
  });
});

describe("stateAt", () => {
  it("finds the covering interval with half-open bounds", () => {
    expect(stateAt(history, t("11:00"))?.state).toBe("Inactive");
    expect(stateAt(history, t("10:59"))?.state).toBe("Active");
    expect(stateAt(history, t("23:00"))?.reasonCode).toBe("Restoring");
  });

  it("is null before anything was observed", () => {
    expect(stateAt(history, t("07:59"))).toBeNull();
  });
});

describe("stateCountsAt", () => {
  const member = (state: string, from: string, to: string | null, deletedAt: string | null = null) => ({
    state,
    from: t(from),
    to: to ? t(to) : null,
    deletedAt: deletedAt ? t(deletedAt) : null,
  });
  const intervals = [
    member("Active", "08:00", "11:00"),
    member("Inactive", "11:00", null),
    member("Pending", "09:00", "09:30"),
    member("Active", "09:30", null, "12:00"),
  ];

  it("counts the functions in each state at each instant, intervals half-open", () => {
    const counts = stateCountsAt(intervals, [t("08:30"), t("09:00"), t("11:00"), t("12:00")]).map((m) =>
      Object.fromEntries(m),
    );
    expect(counts).toEqual([{ Active: 1 }, { Active: 1, Pending: 1 }, { Inactive: 1, Active: 1 }, { Inactive: 1 }]);
  });

  it("counts nothing before the first observation", () => {
    expect(stateCountsAt(intervals, [t("07:00")])[0]?.size).toBe(0);
  });
});
