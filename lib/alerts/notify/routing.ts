import { severityRank } from "@/lib/analysis/alerts/lifecycle";
import type { AlertChannelConfig } from "@/lib/config/schema";
import type { Notice } from "./notice";

/** The channels a notice goes to: rule, minimum severity and team filters for alerts; `reports` and team for digests. */
export function channelsFor(notice: Notice, channels: readonly AlertChannelConfig[]): AlertChannelConfig[] {
  return channels.filter((channel) => {
    if (notice.kind === "digest") {
      if (!channel.reports) return false;
      // A team channel gets its team's digest; the fleet digest goes to channels for everyone.
      return channel.teams === undefined || (notice.team !== null && channel.teams.includes(notice.team));
    }
    const { rule, severity, team } = notice.alert;
    return (
      (channel.rules === undefined || channel.rules.some((r) => r === rule)) &&
      severityRank(severity) >= severityRank(channel.minSeverity) &&
      (channel.teams === undefined || (team !== null && channel.teams.includes(team)))
    );
  });
}
