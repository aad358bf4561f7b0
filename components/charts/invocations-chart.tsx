"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricPoint } from "@/lib/db/queries/function-detail";
import { formatCount, formatDateTime, formatTick } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-style";

/** One function's invocations, errors and throttles per step. */
export function InvocationsChart({ points, step }: { points: MetricPoint[]; step: "hour" | "day" }) {
  return (
    <ChartFrame label={`Invocations, errors and throttles per ${step}`}>
      <BarChart
        responsive
        data={points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="t" tick={AXIS_TICK} tickFormatter={(t: string) => formatTick(t, step)} minTickGap={24} />
        <YAxis
          tick={AXIS_TICK}
          allowDecimals={false}
          width={52}
          label={{
            value: `per ${step}`,
            angle: -90,
            position: "insideLeft",
            style: { fontSize: 11, fill: "currentColor" },
          }}
        />
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(t) => formatDateTime(String(t))}
          formatter={(value) => (value === null ? "not collected" : formatCount(Number(value)))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="invocations" name="Invocations" fill={SERIES_COLORS.invocations} isAnimationActive={false} />
        <Bar dataKey="errors" name="Errors" fill={SERIES_COLORS.errors} isAnimationActive={false} />
        <Bar dataKey="throttles" name="Throttles" fill={SERIES_COLORS.throttles} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
