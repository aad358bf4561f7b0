import type { MetricRow } from "@/lib/analysis/report/metrics";
import { deltaTone, direction, formatDelta } from "@/lib/reports/format";

const TONE = {
  good: "text-emerald-700 dark:text-emerald-400",
  bad: "text-red-700 dark:text-red-400",
  neutral: "text-zinc-500 dark:text-zinc-400",
} as const;
const ARROW = { up: "▲", down: "▼", same: "=" } as const;

/** "▲ +3": which way a number moved since last week and by how much, coloured by whether that is good. */
export function MetricDelta({ row }: { row: MetricRow }) {
  const text = formatDelta(row);
  if (text === null || row.delta === null) {
    return (
      <span className="text-zinc-400 print:text-black">
        —<span className="sr-only"> no comparison</span>
      </span>
    );
  }
  const way = direction(row.delta);
  return (
    <span className={`whitespace-nowrap print:text-black ${TONE[deltaTone(row)]}`}>
      <span aria-hidden="true">{ARROW[way]}</span> {text}
      <span className="sr-only">{way === "same" ? " unchanged" : ` ${way} since last week`}</span>
    </span>
  );
}
