"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricPoint } from "@/lib/contracts/function-detail";
import { formatCount } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { countAxis, FILL_FRAME, HORIZONTAL_GRID, LEGEND, TIME_TOOLTIP, timeAxis } from "./chart-props";
import { SERIES_COLORS } from "./chart-style";

/** One function's invocations, errors and throttles per step. */
export function InvocationsChart({ points, step }: { points: MetricPoint[]; step: "hour" | "day" }) {
  return (
    <ChartFrame label={`Invocations, errors and throttles per ${step}`}>
      <BarChart {...FILL_FRAME} data={points}>
        <CartesianGrid {...HORIZONTAL_GRID} />
        <XAxis {...timeAxis(step)} />
        <YAxis {...countAxis(`per ${step}`)} />
        <Tooltip
          {...TIME_TOOLTIP}
          formatter={(value) => (value === null ? "not collected" : formatCount(Number(value)))}
        />
        <Legend {...LEGEND} />
        <Bar dataKey="invocations" name="Invocations" fill={SERIES_COLORS.invocations} isAnimationActive={false} />
        <Bar dataKey="errors" name="Errors" fill={SERIES_COLORS.errors} isAnimationActive={false} />
        <Bar dataKey="throttles" name="Throttles" fill={SERIES_COLORS.throttles} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
