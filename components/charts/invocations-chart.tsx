"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MetricPoint } from "@/lib/contracts/function-detail";
import { formatCount } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import {
  countAxis,
  coverageMarks,
  FILL_FRAME,
  HORIZONTAL_GRID,
  LEGEND,
  PARTIAL_STEP_OPACITY,
  TIME_TOOLTIP,
  timeAxis,
} from "./chart-props";
import { SERIES_COLORS } from "./chart-style";

const BARS = [
  { key: "invocations", name: "Invocations", color: SERIES_COLORS.invocations },
  { key: "errors", name: "Errors", color: SERIES_COLORS.errors },
  { key: "throttles", name: "Throttles", color: SERIES_COLORS.throttles },
] as const;

/**
 * One function's invocations, errors and throttles per step. Steps not collected are a gap under a
 * "not collected" shade; the step in progress is drawn faded.
 */
export function InvocationsChart({
  points,
  step,
  since,
}: {
  points: MetricPoint[];
  step: "hour" | "day";
  /** Where the collected metrics start within the window (null: not collected at all). */
  since: string | null;
}) {
  const marks = coverageMarks(points, (p) => p.invocations !== null, since);
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
        {marks ? <ReferenceArea {...marks.area} /> : null}
        {marks ? <ReferenceLine {...marks.line} /> : null}
        {BARS.map((bar) => (
          <Bar key={bar.key} dataKey={bar.key} name={bar.name} fill={bar.color} isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.t} fillOpacity={p.partial ? PARTIAL_STEP_OPACITY : 1} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </ChartFrame>
  );
}
