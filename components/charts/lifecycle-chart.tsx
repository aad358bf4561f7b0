"use client";

import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { LifecycleSeries } from "@/lib/contracts/fleet";
import { OTHER_STATE_COLOR, STATE_COLORS } from "../ui/badges";
import { formatCount } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { countAxis, FILL_FRAME, HORIZONTAL_GRID, LEGEND, TIME_TOOLTIP, timeAxis } from "./chart-props";

const STACK = ["Active", "Pending", "Inactive", "Failed", "Other"] as const;

/** Functions by lifecycle state over time, stacked: the fleet's size and health in one picture. */
export function LifecycleChart({ series }: { series: LifecycleSeries }) {
  const step = series.window.step;
  const hasOther = series.points.some((p) => p.Other > 0);
  return (
    <ChartFrame label="Functions by lifecycle state over time">
      <AreaChart {...FILL_FRAME} data={series.points}>
        <CartesianGrid {...HORIZONTAL_GRID} />
        <XAxis {...timeAxis(step)} />
        <YAxis {...countAxis("functions", 48)} />
        <Tooltip {...TIME_TOOLTIP} formatter={(value) => formatCount(Number(value))} />
        <Legend {...LEGEND} />
        {STACK.filter((state) => state !== "Other" || hasOther).map((state) => {
          const color = STATE_COLORS[state] ?? OTHER_STATE_COLOR;
          return (
            <Area
              key={state}
              type="stepAfter"
              dataKey={state}
              stackId="states"
              stroke={color}
              fill={color}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          );
        })}
      </AreaChart>
    </ChartFrame>
  );
}
