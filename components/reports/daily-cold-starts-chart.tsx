"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyColdStarts } from "@/lib/analysis/report/types";
import { coldStartRate } from "@/lib/analysis/stats";
import { ChartFrame } from "../charts/chart-frame";
import {
  COLD_START_RATE_LINE,
  COLD_STARTS_BAR,
  countAxis,
  FILL_FRAME,
  HORIZONTAL_GRID,
  LEGEND,
  rightAxis,
} from "../charts/chart-props";
import { AXIS_TICK, TOOLTIP_STYLE } from "../charts/chart-style";
import { formatCount, formatPercent } from "../ui/format";

const WEEKDAY = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" });
const dayLabel = (date: string) => `${WEEKDAY.format(new Date(`${date}T00:00:00Z`))} ${date.slice(5)}`;

/** Cold starts per local day of the week (bars) and their share of invocations (line). */
export function DailyColdStartsChart({ days }: { days: DailyColdStarts[] }) {
  const data = days.map((d) => ({ ...d, ratePercent: (coldStartRate(d.coldStarts, d.invocations) ?? 0) * 100 }));
  return (
    <ChartFrame label="Cold starts and cold-start rate per day" height={220}>
      <ComposedChart {...FILL_FRAME} data={data}>
        <CartesianGrid {...HORIZONTAL_GRID} />
        <XAxis dataKey="date" tick={AXIS_TICK} tickFormatter={dayLabel} />
        <YAxis yAxisId="count" {...countAxis()} />
        <YAxis yAxisId="rate" {...rightAxis(" %", 44)} />
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(date) => dayLabel(String(date))}
          formatter={(value, name) =>
            name === COLD_START_RATE_LINE.name ? formatPercent(Number(value) / 100, 2) : formatCount(Number(value))
          }
        />
        <Legend {...LEGEND} />
        <Bar {...COLD_STARTS_BAR} />
        <Line {...COLD_START_RATE_LINE} dot />
      </ComposedChart>
    </ChartFrame>
  );
}
