"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricPoint } from "@/lib/db/queries/function-detail";
import { formatCount, formatDateTime, formatMs, formatTick } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-style";

const INIT_LINES = [
  { key: "initAvgMs", name: "Init avg", color: SERIES_COLORS.avg },
  { key: "initP95Ms", name: "Init p95", color: SERIES_COLORS.p95 },
  { key: "initMaxMs", name: "Init max", color: SERIES_COLORS.max },
] as const;

/** One function's cold starts per step (bars) and their init duration avg / p95 / max (lines). */
export function InitDurationChart({ points, step }: { points: MetricPoint[]; step: "hour" | "day" }) {
  return (
    <ChartFrame label={`Cold starts and init duration per ${step}`}>
      <ComposedChart
        responsive
        data={points}
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
          label={{
            value: "cold starts",
            angle: -90,
            position: "insideLeft",
            style: { fontSize: 11, fill: "currentColor" },
          }}
        />
        <YAxis yAxisId="ms" orientation="right" tick={AXIS_TICK} width={60} unit=" ms" />
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(t) => formatDateTime(String(t))}
          formatter={(value, name) =>
            name === "Cold starts"
              ? formatCount(value === null ? null : Number(value))
              : formatMs(value === null ? null : Number(value))
          }
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          yAxisId="count"
          dataKey="coldStarts"
          name="Cold starts"
          fill={SERIES_COLORS.coldStarts}
          isAnimationActive={false}
        />
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
