import type { MetricRow } from "@/lib/analysis/report/metrics";
import { formatMetricValue } from "@/lib/reports/format";
import { type HeaderColumn, TableHead } from "../ui/table-head";
import { MetricDelta } from "./metric-delta";

const COLUMNS: HeaderColumn[] = [
  { label: "Metric", className: "py-1 pr-3 text-left font-medium" },
  { label: "This week", className: "py-1 pr-3 text-right font-medium" },
  { label: "Last week", className: "py-1 pr-3 text-right font-medium" },
  { label: "Change", className: "py-1 text-right font-medium" },
];

/** A section's numbers next to last week's. */
export function MetricsTable({ rows, label }: { rows: MetricRow[]; label: string }) {
  return (
    <table aria-label={label} className="w-full max-w-2xl text-sm">
      <TableHead
        columns={COLUMNS}
        className="text-xs text-zinc-500 print:text-black"
        rowClassName="border-b border-zinc-200 dark:border-zinc-800 print:border-zinc-400"
      />
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
