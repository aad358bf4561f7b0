"use client";

import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MetricPoint } from "@/lib/contracts/function-detail";
import { formatCount, formatMs } from "../ui/format";
import { ChartFrame } from "./chart-frame";
import {
  COLD_STARTS_BAR,
  countAxis,
  coverageMarks,
  FILL_FRAME,
  HORIZONTAL_GRID,
  LEGEND,
  PARTIAL_STEP_OPACITY,
  rightAxis,
  TIME_TOOLTIP,
  timeAxis,
} from "./chart-props";
import { SERIES_COLORS } from "./chart-style";

const INIT_LINES = [
  { key: "initAvgMs", name: "Init avg", color: SERIES_COLORS.avg },
  { key: "initP95Ms", name: "Init p95", color: SERIES_COLORS.p95 },
  { key: "initMaxMs", name: "Init max", color: SERIES_COLORS.max },
] as const;

/**
 * One function's cold starts per step (bars) and their init duration avg / p95 / max (lines). Steps
 * whose logs were not read are a gap under a "not collected" shade; the step in progress is faded.
 */
export function InitDurationChart({
  points,
  step,
  since,
}: {
  points: MetricPoint[];
  step: "hour" | "day";
  /** Where the collected cold starts start within the window (null: not collected at all). */
  since: string | null;
}) {
  const marks = coverageMarks(points, (p) => p.coldStarts !== null, since);
  return (
    <ChartFrame label={`Cold starts and init duration per ${step}`}>
      <ComposedChart {...FILL_FRAME} data={points}>
        <CartesianGrid {...HORIZONTAL_GRID} />
        <XAxis {...timeAxis(step)} />
        <YAxis yAxisId="count" {...countAxis("cold starts")} />
        <YAxis yAxisId="ms" {...rightAxis(" ms", 60)} />
        <Tooltip
          {...TIME_TOOLTIP}
          formatter={(value, name) =>
            name === "Cold starts"
              ? value === null
                ? "not collected"
                : formatCount(Number(value))
              : formatMs(value === null ? null : Number(value))
          }
        />
        <Legend {...LEGEND} />
        {marks ? <ReferenceArea yAxisId="count" {...marks.area} /> : null}
        {marks ? <ReferenceLine yAxisId="count" {...marks.line} /> : null}
        <Bar {...COLD_STARTS_BAR}>
          {points.map((p) => (
            <Cell key={p.t} fillOpacity={p.partial ? PARTIAL_STEP_OPACITY : 1} />
          ))}
        </Bar>
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
