import { describe, expect, it } from "vitest";
import { HOUR_MS } from "../time";
import { type ChannelGroup, planChannel } from "./notify-plan";

const NOW = new Date("2026-12-07T12:00:00Z");
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR_MS);
const group = (groupKey: string, worstSeverity: ChannelGroup["worstSeverity"], acknowledged = false) => ({
  groupKey,
  worstSeverity,
  acknowledged,
});
const plan = (groups: ChannelGroup[], told: { groupKey: string; status: string; notifiedAt: Date }[]) =>
  planChannel({ hasBaseline: true, groups, told, now: NOW, repeatMs: 24 * HOUR_MS });

describe("planChannel", () => {
  it("sends no per-group message before the baseline, and remembers every group as told", () => {
    const result = planChannel({
      hasBaseline: false,
      groups: [group("a", "critical"), group("b", "warning", true)],
      told: [],
      now: NOW,
      repeatMs: 24 * HOUR_MS,
    });
    expect(result).toEqual({
      baseline: true,
      notify: [],
      remember: [
        { groupKey: "a", status: "critical" },
        { groupKey: "b", status: "acknowledged" },
      ],
    });
  });

  it("notifies new, escalated, acknowledged and resolved groups once", () => {
    const told = [
      { groupKey: "same", status: "warning", notifiedAt: ago(1) },
      { groupKey: "up", status: "warning", notifiedAt: ago(1) },
      { groupKey: "acked", status: "critical", notifiedAt: ago(1) },
      { groupKey: "gone", status: "critical", notifiedAt: ago(1) },
      { groupKey: "back", status: "resolved", notifiedAt: ago(1) },
      { groupKey: "long-gone", status: "resolved", notifiedAt: ago(100) },
    ];
    const groups = [
      group("same", "warning"),
      group("up", "critical"),
      group("acked", "critical", true),
      group("back", "info"),
      group("fresh", "warning"),
    ];
    expect(plan(groups, told).notify).toEqual([
      { groupKey: "up", event: "escalated", status: "critical" },
      { groupKey: "acked", event: "acknowledged", status: "acknowledged" },
      { groupKey: "back", event: "new", status: "info" },
      { groupKey: "fresh", event: "new", status: "warning" },
      { groupKey: "gone", event: "resolved", status: "resolved" },
    ]);
  });

  it("repeats an open critical group after the repeat interval, and remembers a lowered severity silently", () => {
    const told = [
      { groupKey: "old", status: "critical", notifiedAt: ago(24) },
      { groupKey: "young", status: "critical", notifiedAt: ago(23.9) },
      { groupKey: "hygiene", status: "warning", notifiedAt: ago(100) },
      { groupKey: "lower", status: "critical", notifiedAt: ago(2) },
    ];
    const groups = [group("old", "critical"), group("young", "critical"), group("hygiene", "warning")];
    const result = plan([...groups, group("lower", "warning")], told);
    expect(result.notify).toEqual([{ groupKey: "old", event: "repeat", status: "critical" }]);
    expect(result.remember).toEqual([{ groupKey: "lower", status: "warning" }]);
    // After lowering, rising again is an escalation.
    const again = plan([group("lower", "critical")], [{ groupKey: "lower", status: "warning", notifiedAt: ago(1) }]);
    expect(again.notify).toEqual([{ groupKey: "lower", event: "escalated", status: "critical" }]);
  });

  it("an acknowledged group that escalates is notified again", () => {
    const told = [{ groupKey: "g", status: "acknowledged", notifiedAt: ago(1) }];
    expect(plan([group("g", "critical")], told).notify).toEqual([
      { groupKey: "g", event: "escalated", status: "critical" },
    ]);
  });
});
