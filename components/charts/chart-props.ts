import type { ReferenceAreaProps, ReferenceLineProps, XAxisProps, YAxisProps } from "recharts";
import { formatDateTime, formatTick } from "../ui/format";
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS, TOOLTIP_STYLE } from "./chart-style";

// Props the charts share, spread onto recharts' own elements: `<XAxis {...timeAxis(step)} />`. They are props,
// not wrapper components, because recharts only sees an axis, tooltip or legend that is a direct child of its chart.

/** The chart fills its ChartFrame, with a little room above and to the right for the outermost ticks. */
export const FILL_FRAME = {
  responsive: true,
  margin: { top: 8, right: 8, bottom: 0, left: 0 },
  style: { width: "100%", height: "100%" },
} as const;

/** Horizontal grid lines only: they carry the values, vertical ones would only add noise over time. */
export const HORIZONTAL_GRID = { stroke: GRID_STROKE, vertical: false } as const;

export const LEGEND = { wrapperStyle: { fontSize: 12 } } as const;

/** An axis title running up the left side or down the right side of the plot. */
export function axisLabel(value: string, side: "left" | "right") {
  return side === "left"
    ? { value, angle: -90, position: "insideLeft" as const, style: { fontSize: 11, fill: "currentColor" } }
    : { value, angle: 90, position: "insideRight" as const, style: { fontSize: 11, fill: "currentColor" } };
}

/** The time axis of a series bucketed by hour or day, its points keyed `t`. */
export function timeAxis(step: "hour" | "day"): XAxisProps {
  return { dataKey: "t", tick: AXIS_TICK, tickFormatter: (t: string) => formatTick(t, step), minTickGap: 24 };
}

/** A left axis of whole counts, titled `label` when given. */
export function countAxis(label?: string, width = 52): YAxisProps {
  const axis: YAxisProps = { tick: AXIS_TICK, allowDecimals: false, width };
  if (label !== undefined) axis.label = axisLabel(label, "left");
  return axis;
}

/** A right axis of values in `unit` (" ms", " %"), titled `label` when given. */
export function rightAxis(unit: string, width: number, label?: string): YAxisProps {
  const axis: YAxisProps = { orientation: "right", tick: AXIS_TICK, width, unit };
  if (label !== undefined) axis.label = axisLabel(label, "right");
  return axis;
}

/** The tooltip of a time series: the bucket's date and time as its heading. */
export const TIME_TOOLTIP = {
  ...TOOLTIP_STYLE,
  labelFormatter: (t: unknown) => formatDateTime(String(t)),
};

/** Cold starts as bars on the axis with yAxisId "count". */
export const COLD_STARTS_BAR = {
  yAxisId: "count",
  dataKey: "coldStarts",
  name: "Cold starts",
  fill: SERIES_COLORS.coldStarts,
  isAnimationActive: false,
} as const;

/** The cold-start rate in percent as a line on the axis with yAxisId "rate"; the data carries it as `ratePercent`. */
export const COLD_START_RATE_LINE = {
  yAxisId: "rate",
  dataKey: "ratePercent",
  name: "Cold-start rate",
  stroke: SERIES_COLORS.rate,
  isAnimationActive: false,
} as const;

/** Opacity of a bar whose step is only partly collected (the hour in progress): its value is still growing. */
export const PARTIAL_STEP_OPACITY = 0.35;

/**
 * Where collection starts in a series of steps keyed `t`: the steps before the first known one shaded
 * as "not collected", and a dashed "collecting since …" line at the first known step. Nothing when the
 * series is known from its first step (or not at all: the chart then says so itself).
 */
export function coverageMarks<P extends { t: string }>(
  points: readonly P[],
  known: (point: P) => boolean,
  since: string | null,
): { area: ReferenceAreaProps; line: ReferenceLineProps } | null {
  const first = points.findIndex(known);
  if (first <= 0 || since === null) return null;
  return {
    area: {
      x1: points[0]!.t,
      x2: points[first - 1]!.t,
      fill: GRID_STROKE,
      fillOpacity: 0.6,
      ifOverflow: "extendDomain",
      label: { value: "not collected", position: "insideTop", fontSize: 11, fill: "currentColor" },
    },
    line: {
      x: points[first]!.t,
      stroke: "currentColor",
      strokeDasharray: "4 3",
      label: {
        value: `collecting since ${formatDateTime(since)}`,
        // Beside the line, on the side with room: the shaded past when collection started late in the window.
        position: first > points.length / 2 ? "insideTopRight" : "insideTopLeft",
        fontSize: 11,
        fill: "currentColor",
      },
    },
  };
}
