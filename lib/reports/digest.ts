import type { DigestNotice } from "@/lib/alerts/notify/notice";
import type { MetricRow } from "@/lib/analysis/report/metrics";
import { formatDelta, formatMetricValue } from "./format";
import type { ReportView } from "./view";

/** The headline lines of a digest, each a few metrics: "Label value (delta)". */
const DIGEST_LINES: readonly (readonly string[])[] = [
  ["inventory.functions", "inventory.imageShare", "inventory.created", "inventory.deleted"],
  ["lifecycle.wentInactive", "lifecycle.wentFailed", "idleRisk.atRisk"],
  ["coldStarts.coldStarts", "coldStarts.rate", "coldStarts.initP95Ms"],
  ["images.behindOnBase", "images.deprecatedRuntimes", "images.criticalFindings", "images.expiring"],
  ["alerts.opened", "alerts.resolved", "alerts.meanTimeToResolveMs"],
];

function phrase(row: MetricRow): string {
  const delta = formatDelta(row);
  return `${row.label} ${formatMetricValue(row.unit, row.value)}${delta === null ? "" : ` (${delta})`}`;
}

export function reportTitle(view: Pick<ReportView, "week" | "team" | "provisional">): string {
  const scope = view.team === null ? "fleet" : `team ${view.team}`;
  return `Weekly report ${view.week}, ${scope}${view.provisional ? " (week to date)" : ""}`;
}

/** The digest of one report: its title, headline numbers against the previous week, and its link. */
export function digestNotice(view: ReportView, reportId: string, url: string): DigestNotice {
  const byKey = new Map(view.metrics.map((row) => [`${row.section}.${row.metric}`, row]));
  const lines = DIGEST_LINES.map((keys) =>
    keys
      .flatMap((key) => byKey.get(key) ?? [])
      .map(phrase)
      .join(" · "),
  );
  const comparedWith =
    view.previousWeek === null ? "No previous week to compare with." : `Changes against ${view.previousWeek}.`;
  return {
    kind: "digest",
    reportId,
    team: view.team,
    title: reportTitle(view),
    summary: [...lines, comparedWith].join("\n"),
    url,
  };
}
