"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { ColdStartPoint } from "@/lib/db/queries/fleet-cold-starts";
import { formatCount, formatDateTime, formatMs, formatPercent, formatTick } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-style";

const axisLabel = (value: string, angle: number, position: "insideLeft" | "insideRight") => ({
  value,
  angle,
  position,
  style: { fontSize: 11, fill: "currentColor" },
});

/** Cold starts per step (bars), their share of invocations and the init duration p95 (lines). */
export function ColdStartChart({ points, step }: { points: ColdStartPoint[]; step: "hour" | "day" }) {
  const data = points.map((p) => ({ ...p, ratePercent: p.coldStartRate === null ? null : p.coldStartRate * 100 }));
  return (
    <ChartFrame label={`Cold starts, cold-start rate and init duration p95 per ${step}`}>
      <ComposedChart
        responsive
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="t" tick={AXIS_TICK} tickFormatter={(t: string) => formatTick(t, step)} minTickGap={24} />
        <YAxis
          yAxisId="count"
          tick={AXIS_TICK}
          allowDecimals={false}
          width={52}
          label={axisLabel(`per ${step}`, -90, "insideLeft")}
        />
        <YAxis
          yAxisId="ms"
          orientation="right"
          tick={AXIS_TICK}
          width={56}
          unit=" ms"
          label={axisLabel("init p95", 90, "insideRight")}
        />
        <YAxis yAxisId="rate" hide domain={[0, "auto"]} />
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(t) => formatDateTime(String(t))}
          formatter={(value, name) => {
            const n = value === null || value === undefined ? null : Number(value);
            if (name === "Cold-start rate") return formatPercent(n === null ? null : n / 100, 2);
            if (name === "Init p95") return formatMs(n);
            return formatCount(n);
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          yAxisId="count"
          dataKey="coldStarts"
          name="Cold starts"
          fill={SERIES_COLORS.coldStarts}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="ratePercent"
          name="Cold-start rate"
          stroke={SERIES_COLORS.rate}
          strokeDasharray="4 3"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
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
