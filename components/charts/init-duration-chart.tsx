"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricPoint } from "@/lib/contracts/function-detail";
import { formatCount, formatMs } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import {
  COLD_STARTS_BAR,
  countAxis,
  FILL_FRAME,
  HORIZONTAL_GRID,
  LEGEND,
  rightAxis,
  TIME_TOOLTIP,
  timeAxis,
} from "./chart-props";
import { SERIES_COLORS } from "./chart-style";

const INIT_LINES = [
  { key: "initAvgMs", name: "Init avg", color: SERIES_COLORS.avg },
  { key: "initP95Ms", name: "Init p95", color: SERIES_COLORS.p95 },
  { key: "initMaxMs", name: "Init max", color: SERIES_COLORS.max },
] as const;

/** One function's cold starts per step (bars) and their init duration avg / p95 / max (lines). */
export function InitDurationChart({ points, step }: { points: MetricPoint[]; step: "hour" | "day" }) {
  return (
    <ChartFrame label={`Cold starts and init duration per ${step}`}>
      <ComposedChart {...FILL_FRAME} data={points}>
        <CartesianGrid {...HORIZONTAL_GRID} />
        <XAxis {...timeAxis(step)} />
        <YAxis yAxisId="count" {...countAxis("cold starts")} />
        <YAxis yAxisId="ms" {...rightAxis(" ms", 60)} />
        <Tooltip
          {...TIME_TOOLTIP}
          formatter={(value, name) =>
            name === "Cold starts"
              ? formatCount(value === null ? null : Number(value))
              : formatMs(value === null ? null : Number(value))
          }
        />
        <Legend {...LEGEND} />
        <Bar {...COLD_STARTS_BAR} />
        {INIT_LINES.map((line) => (
          <Line
            key={line.key}
            yAxisId="ms"
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ChartFrame>
  );
}
