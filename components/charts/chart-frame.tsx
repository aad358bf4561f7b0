import type { ReactNode } from "react";
import { CHART_HEIGHT } from "./chart-style";

/** A chart's box: a fixed height the chart fills, text colour for axes, a label for screen readers. */
export function ChartFrame({
  label,
  children,
  height = CHART_HEIGHT,
}: {
  label: string;
  children: ReactNode;
  height?: number;
}) {
  return (
    <figure aria-label={label} className="text-zinc-500 dark:text-zinc-400" style={{ height }}>
      {children}
    </figure>
  );
}
