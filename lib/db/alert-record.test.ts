import { describe, expect, it } from "vitest";
import { MAX_TIMELINE_EVENTS, readAlertRecord, withEvents, writeAlertRecord } from "./alert-record";

describe("alert record", () => {
  it("round-trips evidence and timeline", () => {
    const record = {
      evidence: { idleDays: 10.5, state: "Active", known: true, lastInvokedAt: null },
      timeline: [{ kind: "opened" as const, at: "2026-12-01T00:00:00.000Z", severity: "warning" as const }],
    };
    expect(readAlertRecord(writeAlertRecord(record))).toEqual(record);
  });

  it("degrades anything unreadable to an empty record", () => {
    expect(readAlertRecord("not json")).toEqual({ evidence: {}, timeline: [] });
    expect(readAlertRecord('{"evidence": 3}')).toEqual({ evidence: {}, timeline: [] });
    expect(readAlertRecord(null)).toEqual({ evidence: {}, timeline: [] });
  });

  it("keeps the opening event and the latest ones", () => {
    let record = withEvents({ evidence: {}, timeline: [] }, { kind: "opened", at: "t0", severity: "info" });
    for (let i = 1; i <= MAX_TIMELINE_EVENTS + 5; i++) {
      record = withEvents(record, { kind: "escalated", at: `t${i}`, from: "info", to: "warning" });
    }
    expect(record.timeline).toHaveLength(MAX_TIMELINE_EVENTS);
    expect(record.timeline[0]).toMatchObject({ kind: "opened" });
    expect(record.timeline.at(-1)).toMatchObject({ at: `t${MAX_TIMELINE_EVENTS + 5}` });
  });
});
