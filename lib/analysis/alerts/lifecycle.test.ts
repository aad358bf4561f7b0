import { describe, expect, it } from "vitest";
import type { Finding } from "../rules/finding";
import { type ActiveAlert, planAlertChanges, stateAfterUpdate } from "./lifecycle";

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  rule: "idle-near-inactive",
  severity: "warning",
  title: "Idle, nearing Inactive",
  reason: "Idle 10 days",
  evidence: { idleDays: 10.2 },
  fingerprint: "idle-near-inactive:111122223333:eu-west-1:orders",
  ...overrides,
});

const alertOf = (f: Finding, overrides: Partial<ActiveAlert> = {}): ActiveAlert => ({
  id: "a1",
  fingerprint: f.fingerprint,
  severity: f.severity,
  state: "open",
  title: f.title,
  reason: f.reason,
  evidence: { ...f.evidence },
  ...overrides,
});

describe("planAlertChanges", () => {
  it("opens an alert for a new finding", () => {
    const f = finding();
    expect(planAlertChanges([], [f])).toEqual([{ kind: "open", finding: f }]);
  });

  it("changes nothing while the finding is the same", () => {
    const f = finding();
    expect(planAlertChanges([alertOf(f)], [finding()])).toEqual([]);
  });

  it("updates an alert whose evidence moved, without a severity change", () => {
    const f = finding();
    const alert = alertOf(f);
    const moved = finding({ evidence: { idleDays: 11 } });
    expect(planAlertChanges([alert], [moved])).toEqual([
      { kind: "update", alert, finding: moved, severityChange: null },
    ]);
  });

  it("records an escalation and a lowering", () => {
    const alert = alertOf(finding());
    const worse = finding({ severity: "critical" });
    expect(planAlertChanges([alert], [worse])).toMatchObject([{ kind: "update", severityChange: "escalated" }]);
    const better = finding({ severity: "info" });
    expect(planAlertChanges([alert], [better])).toMatchObject([{ kind: "update", severityChange: "lowered" }]);
  });

  it("resolves an alert whose finding is gone", () => {
    const alert = alertOf(finding());
    expect(planAlertChanges([alert], [])).toEqual([{ kind: "resolve", alert }]);
  });

  it("treats a repeated fingerprint as one finding", () => {
    const f = finding();
    expect(planAlertChanges([], [f, { ...f }])).toHaveLength(1);
  });

  it("sees an evidence key that appeared or disappeared as a change", () => {
    const alert = alertOf(finding(), { evidence: { idleDays: 10.2, extra: null } });
    expect(planAlertChanges([alert], [finding()])).toHaveLength(1);
  });
});

describe("stateAfterUpdate", () => {
  it("re-opens an acknowledged alert on escalation only", () => {
    expect(stateAfterUpdate("acknowledged", "escalated")).toBe("open");
    expect(stateAfterUpdate("acknowledged", "lowered")).toBe("acknowledged");
    expect(stateAfterUpdate("acknowledged", null)).toBe("acknowledged");
  });
});
