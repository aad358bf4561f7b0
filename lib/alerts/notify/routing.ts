import { severityRank } from "@/lib/analysis/alerts/lifecycle";
import type { Severity } from "@/lib/analysis/rules/finding";
import type { AlertChannelConfig } from "@/lib/config/schema";
import type { Notice } from "./notice";

/** Whether a channel takes an alert: its rule, minimum severity and team filters. */
export function routesAlert(
  channel: AlertChannelConfig,
  alert: { rule: string; severity: Severity; team: string | null },
): boolean {
  return (
    (channel.rules === undefined || channel.rules.some((rule) => rule === alert.rule)) &&
    severityRank(alert.severity) >= severityRank(channel.minSeverity) &&
    (channel.teams === undefined || (alert.team !== null && channel.teams.includes(alert.team)))
  );
}

/**
 * The channels a notice goes to. Group and baseline notices are planned per channel (with
 * `routesAlert`), so they name theirs; report digests go to channels with `reports` and the
 * team's, never to PagerDuty (a report pages nobody).
 */
export function channelsFor(notice: Notice, channels: readonly AlertChannelConfig[]): AlertChannelConfig[] {
  return channels.filter((channel) => {
    if (notice.kind !== "digest") return channel.name === notice.channel;
    if (!channel.reports || channel.type === "pagerduty") return false;
    // A team channel gets its team's digest; the fleet digest goes to channels for everyone.
    return channel.teams === undefined || (notice.team !== null && channel.teams.includes(notice.team));
  });
}
