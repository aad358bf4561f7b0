import type { MetricRow } from "@/lib/analysis/report/metrics";
import { formatMetricValue } from "@/lib/reports/format";
import { MetricDelta } from "./metric-delta";

/** A section's numbers next to last week's. */
export function MetricsTable({ rows, label }: { rows: MetricRow[]; label: string }) {
  return (
    <table aria-label={label} className="w-full max-w-2xl text-sm">
      <thead className="text-xs text-zinc-500 print:text-black">
        <tr className="border-b border-zinc-200 dark:border-zinc-800 print:border-zinc-400">
          <th scope="col" className="py-1 pr-3 text-left font-medium">
            Metric
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            This week
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            Last week
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.metric} className="border-b border-zinc-100 dark:border-zinc-800/60 print:border-zinc-300">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {row.label}
            </th>
            <td className="py-1 pr-3 text-right tabular-nums">{formatMetricValue(row.unit, row.value)}</td>
            <td className="py-1 pr-3 text-right tabular-nums text-zinc-500 print:text-black">
              {formatMetricValue(row.unit, row.previous)}
            </td>
            <td className="py-1 text-right tabular-nums">
              <MetricDelta row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
