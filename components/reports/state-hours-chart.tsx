"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { HOUR_MS } from "@/lib/analysis/time";
import { ChartFrame } from "../charts/chart-frame";
import { AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from "../charts/chart-style";
import { stateColor } from "../ui/badges";
import { formatCount } from "../ui/format";

/** Function-hours spent in each observed state during the week. */
export function StateHoursChart({ stateMs }: { stateMs: Record<string, number> }) {
  const data = Object.entries(stateMs).map(([state, ms]) => ({ state, hours: ms / HOUR_MS }));
  return (
    <ChartFrame label="Function-hours per state" height={40 + 32 * Math.max(data.length, 1)}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
        <XAxis type="number" tick={AXIS_TICK} tickFormatter={(h: number) => formatCount(h)} unit=" h" />
        <YAxis type="category" dataKey="state" tick={AXIS_TICK} width={80} />
        <Tooltip {...TOOLTIP_STYLE} formatter={(value) => `${formatCount(Number(value))} function-hours`} />
        <Bar dataKey="hours" name="Function-hours" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.state} fill={stateColor(d.state)} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
