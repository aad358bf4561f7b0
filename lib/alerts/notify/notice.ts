import type { RuleId, Severity } from "@/lib/analysis/rules/finding";

export type AlertEvent = "open" | "escalate" | "resolve";

/** What a channel is told about an alert event. */
export interface AlertNotice {
  kind: "alert";
  event: AlertEvent;
  /** When the event happened; tells escalations of one alert apart. */
  at: Date;
  alert: {
    id: string;
    rule: RuleId | string;
    severity: Severity;
    title: string;
    reason: string;
    accountId: string;
    region: string;
    functionName: string | null;
    team: string | null;
  };
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

export type Notice = AlertNotice | DigestNotice;

/** Never sent twice: one row per channel and event (and escalation time, as an alert can escalate again). */
export function dedupeKey(channel: string, notice: Notice): string {
  if (notice.kind === "digest") return `${channel}:digest:${notice.reportId}`;
  const suffix = notice.event === "escalate" ? `:${notice.at.toISOString()}` : "";
  return `${channel}:${notice.event}:${notice.alert.id}${suffix}`;
}
