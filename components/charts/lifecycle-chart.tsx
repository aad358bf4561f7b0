"use client";

import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { LifecycleSeries } from "@/lib/db/queries/fleet-lifecycle";
import { OTHER_STATE_COLOR, STATE_COLORS } from "../ui/badges";
import { formatCount, formatDateTime, formatTick } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "./chart-style";

const STACK = ["Active", "Pending", "Inactive", "Failed", "Other"] as const;

/** Functions by lifecycle state over time, stacked: the fleet's size and health in one picture. */
export function LifecycleChart({ series }: { series: LifecycleSeries }) {
  const step = series.window.step;
  const hasOther = series.points.some((p) => p.Other > 0);
  return (
    <ChartFrame label="Functions by lifecycle state over time">
      <AreaChart
        responsive
        data={series.points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="t" tick={AXIS_TICK} tickFormatter={(t: string) => formatTick(t, step)} minTickGap={24} />
        <YAxis
          tick={AXIS_TICK}
          allowDecimals={false}
          width={48}
          label={{
            value: "functions",
            angle: -90,
            position: "insideLeft",
            style: { fontSize: 11, fill: "currentColor" },
          }}
        />
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(t) => formatDateTime(String(t))}
          formatter={(value) => formatCount(Number(value))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
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
