"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { ColdStartPoint } from "@/lib/contracts/fleet";
import { formatCount, formatMs, formatPercent } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import {
  COLD_START_RATE_LINE,
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

/** Cold starts per step (bars), their share of invocations and the init duration p95 (lines). */
export function ColdStartChart({ points, step }: { points: ColdStartPoint[]; step: "hour" | "day" }) {
  const data = points.map((p) => ({ ...p, ratePercent: p.coldStartRate === null ? null : p.coldStartRate * 100 }));
  return (
    <ChartFrame label={`Cold starts, cold-start rate and init duration p95 per ${step}`}>
      <ComposedChart {...FILL_FRAME} data={data}>
        <CartesianGrid {...HORIZONTAL_GRID} />
        <XAxis {...timeAxis(step)} />
        <YAxis yAxisId="count" {...countAxis(`per ${step}`)} />
        <YAxis yAxisId="ms" {...rightAxis(" ms", 56, "init p95")} />
        <YAxis yAxisId="rate" hide domain={[0, "auto"]} />
        <Tooltip
          {...TIME_TOOLTIP}
          formatter={(value, name) => {
            const n = value === null || value === undefined ? null : Number(value);
            if (name === COLD_START_RATE_LINE.name) return formatPercent(n === null ? null : n / 100, 2);
            if (name === "Init p95") return formatMs(n);
            return formatCount(n);
          }}
        />
        <Legend {...LEGEND} />
        <Bar {...COLD_STARTS_BAR} />
        <Line {...COLD_START_RATE_LINE} strokeDasharray="4 3" dot={false} connectNulls />
        <Line
          yAxisId="ms"
          dataKey="initP95Ms"
          name="Init p95"
          stroke={SERIES_COLORS.p95}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
