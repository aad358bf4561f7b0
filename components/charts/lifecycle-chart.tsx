"use client";

import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { LifecyclePoint, LifecycleSeries } from "@/lib/contracts/fleet";
import { OTHER_STATE_COLOR, STATE_COLORS } from "../ui/badges";
import { formatCount } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import { countAxis, coverageMarks, FILL_FRAME, HORIZONTAL_GRID, LEGEND, TIME_TOOLTIP, timeAxis } from "./chart-props";

const STACK = ["Active", "Pending", "Inactive", "Failed", "Other"] as const;
/** States drawn again on their own scale: one Failed function must show beside hundreds of Active ones. */
const MINORITY = ["Pending", "Inactive", "Failed", "Other"] as const;
const SMALL_CHART_HEIGHT = 96;

const colorOf = (state: string) => STATE_COLORS[state] ?? OTHER_STATE_COLOR;
const known = (p: LifecyclePoint) => p.Active !== null;

/**
 * Functions by lifecycle state over time: the whole fleet stacked, then each minority state on its own
 * axis. Steps before the first fleet snapshot are a gap, marked "collecting since …".
 */
export function LifecycleChart({ series }: { series: LifecycleSeries }) {
  const step = series.window.step;
  const hasOther = series.points.some((p) => (p.Other ?? 0) > 0);
  const states = STACK.filter((state) => state !== "Other" || hasOther);
  const marks = coverageMarks(series.points, known, series.coverage.from);
  const latest = series.points.findLast(known);
  return (
    <div className="space-y-2">
      <ChartFrame label="Functions by lifecycle state over time">
        <AreaChart {...FILL_FRAME} data={series.points}>
          <CartesianGrid {...HORIZONTAL_GRID} />
          <XAxis {...timeAxis(step)} />
          <YAxis {...countAxis("functions", 48)} />
          <Tooltip
            {...TIME_TOOLTIP}
            formatter={(value) => (value === null ? "not collected" : formatCount(Number(value)))}
          />
          <Legend {...LEGEND} />
          {marks ? <ReferenceLine {...marks.line} /> : null}
          {states.map((state) => (
            <Area
              key={state}
              type="stepAfter"
              dataKey={state}
              stackId="states"
              stroke={colorOf(state)}
              fill={colorOf(state)}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ChartFrame>
      <div className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        {MINORITY.filter((state) => state !== "Other" || hasOther).map((state) => (
          <div key={state}>
            <p className="text-xs text-zinc-600 dark:text-zinc-300">
              <span className="font-medium" style={{ color: colorOf(state) }}>
                {state}
              </span>{" "}
              now <span className="tabular-nums font-semibold">{formatCount(latest?.[state] ?? null)}</span>
            </p>
            <ChartFrame label={`${state} functions over time, on their own scale`} height={SMALL_CHART_HEIGHT}>
              <AreaChart {...FILL_FRAME} data={series.points}>
                <XAxis dataKey="t" hide />
                <YAxis {...countAxis(undefined, 32)} domain={[0, (max: number) => Math.max(1, max)]} />
                <Tooltip
                  {...TIME_TOOLTIP}
                  formatter={(value) => (value === null ? "not collected" : formatCount(Number(value)))}
                />
                {marks ? <ReferenceLine x={marks.line.x} stroke="currentColor" strokeDasharray="4 3" /> : null}
                <Area
                  type="stepAfter"
                  dataKey={state}
                  stroke={colorOf(state)}
                  fill={colorOf(state)}
                  fillOpacity={0.55}
                  isAnimationActive={false}
                />
              </AreaChart>
            </ChartFrame>
          </div>
        ))}
      </div>
    </div>
  );
}
