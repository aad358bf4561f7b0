"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyColdStarts } from "@/lib/analysis/report/types";
import { coldStartRate } from "@/lib/analysis/stats";
import { ChartFrame } from "../charts/chart-frame";
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS, TOOLTIP_STYLE } from "../charts/chart-style";
import { formatCount, formatPercent } from "../ui/format";

const WEEKDAY = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" });
const dayLabel = (date: string) => `${WEEKDAY.format(new Date(`${date}T00:00:00Z`))} ${date.slice(5)}`;

/** Cold starts per local day of the week (bars) and their share of invocations (line). */
export function DailyColdStartsChart({ days }: { days: DailyColdStarts[] }) {
  const data = days.map((d) => ({ ...d, ratePercent: (coldStartRate(d.coldStarts, d.invocations) ?? 0) * 100 }));
  return (
    <ChartFrame label="Cold starts and cold-start rate per day" height={220}>
      <ComposedChart
        responsive
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="date" tick={AXIS_TICK} tickFormatter={dayLabel} />
        <YAxis yAxisId="count" tick={AXIS_TICK} allowDecimals={false} width={52} />
        <YAxis yAxisId="rate" orientation="right" tick={AXIS_TICK} width={44} unit=" %" />
        <Tooltip
          {...TOOLTIP_STYLE}
          labelFormatter={(date) => dayLabel(String(date))}
          formatter={(value, name) =>
            name === "Cold-start rate" ? formatPercent(Number(value) / 100, 2) : formatCount(Number(value))
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
        <Line
          yAxisId="rate"
          dataKey="ratePercent"
          name="Cold-start rate"
          stroke={SERIES_COLORS.rate}
          dot
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
