import type { Severity } from "../rules/severity";
import { severityRank } from "./lifecycle";

/** Why a channel hears about a group now. */
export type GroupEvent = "new" | "escalated" | "repeat" | "acknowledged" | "resolved";

/** A group as one channel sees it: only the members routed to it and not silenced. */
export interface ChannelGroup {
  groupKey: string;
  worstSeverity: Severity;
  /** Every member is acknowledged: someone is on it. */
  acknowledged: boolean;
}

/** What a channel was last told about a group. */
export interface GroupNoticeState {
  groupKey: string;
  /** A severity, "acknowledged" or "resolved". */
  status: string;
  notifiedAt: Date;
}

export interface GroupNotification {
  groupKey: string;
  event: GroupEvent;
  /** The group's status to remember after this. */
  status: string;
}

export interface ChannelPlan {
  /** First evaluation for this channel: one digest instead of a message per group. */
  baseline: boolean;
  notify: GroupNotification[];
  /** Status changes to remember without a message (a lowered severity, the groups a baseline covered). */
  remember: { groupKey: string; status: string }[];
}

const isSeverity = (status: string): status is Severity =>
  status === "critical" || status === "warning" || status === "info";

/**
 * What one channel is told this evaluation, Alertmanager-style: a group is notified when it is
 * new, when its worst severity rises, when it is acknowledged or resolved, and a critical group
 * again at most every `repeatMs` while it stays open and unacknowledged. A channel without a baseline gets one digest and every
 * current group is remembered as told, so installing never floods a channel.
 */
export function planChannel(options: {
  hasBaseline: boolean;
  groups: readonly ChannelGroup[];
  told: readonly GroupNoticeState[];
  now: Date;
  repeatMs: number;
}): ChannelPlan {
  const { groups, now, repeatMs } = options;
  const statusOf = (group: ChannelGroup) => (group.acknowledged ? "acknowledged" : group.worstSeverity);
  if (!options.hasBaseline) {
    return {
      baseline: true,
      notify: [],
      remember: groups.map((group) => ({ groupKey: group.groupKey, status: statusOf(group) })),
    };
  }
  const told = new Map(options.told.map((state) => [state.groupKey, state]));
  const notify: GroupNotification[] = [];
  const remember: ChannelPlan["remember"] = [];
  for (const group of groups) {
    const status = statusOf(group);
    const last = told.get(group.groupKey);
    if (!last || last.status === "resolved") {
      notify.push({ groupKey: group.groupKey, event: "new", status });
      continue;
    }
    if (group.acknowledged) {
      if (last.status !== "acknowledged") notify.push({ groupKey: group.groupKey, event: "acknowledged", status });
      continue;
    }
    const was = isSeverity(last.status) ? severityRank(last.status) : -1;
    const rank = severityRank(group.worstSeverity);
    if (rank > was) notify.push({ groupKey: group.groupKey, event: "escalated", status });
    // Only what pages is repeated: a daily reminder of every hygiene group would be the flood again.
    else if (group.worstSeverity === "critical" && now.getTime() - last.notifiedAt.getTime() >= repeatMs)
      notify.push({ groupKey: group.groupKey, event: "repeat", status });
    else if (status !== last.status) remember.push({ groupKey: group.groupKey, status });
  }
  const current = new Set(groups.map((group) => group.groupKey));
  for (const state of options.told) {
    if (state.status !== "resolved" && !current.has(state.groupKey))
      notify.push({ groupKey: state.groupKey, event: "resolved", status: "resolved" });
  }
  return { baseline: false, notify, remember };
}
