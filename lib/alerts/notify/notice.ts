import type { GroupEvent } from "@/lib/analysis/alerts/notify-plan";
import type { Severity } from "@/lib/analysis/rules/finding";

/** One member of a notified group, with its links. */
export interface GroupAlert {
  id: string;
  fingerprint: string;
  rule: string;
  severity: Severity;
  title: string;
  reason: string;
  accountId: string;
  region: string;
  functionName: string | null;
  team: string | null;
  environment: string | null;
  subject: string;
  openedAt: Date;
  /** Set on the members of a resolved group. */
  resolvedAt: Date | null;
  /** Absolute links: the alert's permalink and the function page (null once the function is gone). */
  permalink: string;
  functionUrl: string | null;
}

/** What one channel is told about one alert group. */
export interface GroupNotice {
  kind: "group";
  /** Planned per channel: routing already chose it. */
  channel: string;
  event: GroupEvent;
  at: Date;
  groupKey: string;
  groupLabels: Record<string, string>;
  worstSeverity: Severity;
  /** Its members for this channel, worst first (capped; `total` says how many). */
  alerts: GroupAlert[];
  total: number;
  /** The alert list filtered to the group. */
  groupUrl: string;
  externalUrl: string;
}

/** The first message a channel gets: what ImageFleet watches and what is wrong, not one message per alert. */
export interface BaselineNotice {
  kind: "baseline";
  channel: string;
  at: Date;
  functions: number;
  /** Worst severity among the alerts routed to the channel; null when none. */
  worstSeverity: Severity | null;
  /** e.g. "5 failed", with the alert list filtered to them. */
  lines: { text: string; url: string }[];
  url: string;
  externalUrl: string;
}

/** A weekly report digest (lib/reports sends it through the same channels). */
export interface DigestNotice {
  kind: "digest";
  reportId: string;
  /** Null for the whole fleet. */
  team: string | null;
  title: string;
  /** A few lines of plain text. */
  summary: string;
  /** Absolute link to the report. */
  url: string;
}

export type Notice = GroupNotice | BaselineNotice | DigestNotice;

/** Never sent twice: one row per channel and event (group events also by time, as a group changes again). */
export function dedupeKey(channel: string, notice: Notice): string {
  switch (notice.kind) {
    case "digest":
      return `${channel}:digest:${notice.reportId}`;
    case "baseline":
      return `${channel}:baseline`;
    case "group":
      return `${channel}:group:${notice.event}:${notice.groupKey}:${notice.at.toISOString()}`;
  }
}
