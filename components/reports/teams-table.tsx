import Link from "next/link";
import type { MetricRow } from "@/lib/analysis/report/metrics";
import { formatMetricValue } from "@/lib/reports/format";
import { reportPath } from "@/lib/reports/paths";
import { MetricDelta } from "./metric-delta";

const COLUMNS = [
  "inventory.functions",
  "lifecycle.wentInactive",
  "lifecycle.wentFailed",
  "idleRisk.atRisk",
  "coldStarts.coldStarts",
  "images.behindOnBase",
  "alerts.opened",
] as const;

/** Each team's key numbers side by side, linking to the team's own report. */
export function TeamsTable({ week, teams }: { week: string; teams: { team: string; metrics: MetricRow[] }[] }) {
  const header = new Map(teams[0]!.metrics.map((row) => [`${row.section}.${row.metric}`, row.label]));
  return (
    <div className="overflow-x-auto">
      <table aria-label="Teams" className="w-full text-sm">
        <thead className="text-xs text-zinc-500 print:text-black">
          <tr className="border-b border-zinc-200 dark:border-zinc-800 print:border-zinc-400">
            <th scope="col" className="py-1 pr-3 text-left font-medium">
              Team
            </th>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" className="py-1 pr-3 text-right font-medium">
                {header.get(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {teams.map(({ team, metrics }) => {
            const byKey = new Map(metrics.map((row) => [`${row.section}.${row.metric}`, row]));
            return (
              <tr
                key={team}
                className="break-inside-avoid border-b border-zinc-100 dark:border-zinc-800/60 print:border-zinc-300"
              >
                <th scope="row" className="py-1 pr-3 text-left font-medium">
                  <Link href={reportPath(week, team)} className="text-accent hover:underline print:text-black">
                    {team}
                  </Link>
                </th>
                {COLUMNS.map((key) => {
                  const row = byKey.get(key)!;
                  return (
                    <td key={key} className="py-1 pr-3 text-right tabular-nums">
                      {formatMetricValue(row.unit, row.value)}
                      <span className="block text-xs">
                        <MetricDelta row={row} />
                      </span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
