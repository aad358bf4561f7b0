import type { MetricRow } from "@/lib/analysis/report/metrics";
import { formatMetricValue } from "@/lib/reports/format";
import { MetricDelta } from "./metric-delta";

/** The first numbers a reader looks for, in the order they read them. */
const HEADLINES = [
  "inventory.functions",
  "inventory.imageShare",
  "lifecycle.wentInactive",
  "lifecycle.wentFailed",
  "idleRisk.atRisk",
  "coldStarts.coldStarts",
  "coldStarts.rate",
  "coldStarts.initP95Ms",
  "images.behindOnBase",
  "alerts.opened",
  "alerts.meanTimeToResolveMs",
] as const;

export function HeadlineTiles({ metrics }: { metrics: MetricRow[] }) {
  const byKey = new Map(metrics.map((row) => [`${row.section}.${row.metric}`, row]));
  const rows = HEADLINES.flatMap((key) => byKey.get(key) ?? []);
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-4">
      {rows.map((row) => (
        <div
          key={`${row.section}.${row.metric}`}
          data-metric={`${row.section}.${row.metric}`}
          className="break-inside-avoid rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900 print:border-zinc-400 print:bg-white"
        >
          <dt className="text-xs text-zinc-500 dark:text-zinc-400 print:text-black">{row.label}</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-value>
            {formatMetricValue(row.unit, row.value)}
          </dd>
          {row.delta === null ? null : (
            <dd className="text-xs tabular-nums">
              <MetricDelta row={row} />
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
