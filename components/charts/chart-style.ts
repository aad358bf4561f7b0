// Shared look of every chart: muted grid and axes that read on light and dark backgrounds.
export const CHART_HEIGHT = 260;
export const AXIS_TICK = { fontSize: 11, fill: "currentColor" };
export const GRID_STROKE = "oklch(0.6 0 0 / 0.2)";
export const TOOLTIP_STYLE = {
  contentStyle: {
    background: "var(--color-zinc-50)",
    border: "1px solid var(--color-zinc-300)",
    borderRadius: 6,
    fontSize: 12,
    color: "var(--color-zinc-900)",
  },
  labelStyle: { fontWeight: 600 },
};
export const SERIES_COLORS = {
  coldStarts: "oklch(0.6 0.14 255)",
  rate: "oklch(0.65 0.15 40)",
  p95: "oklch(0.55 0.18 330)",
  avg: "oklch(0.65 0.12 200)",
  max: "oklch(0.55 0.05 260)",
  invocations: "oklch(0.62 0.12 160)",
  errors: "oklch(0.58 0.2 25)",
  throttles: "oklch(0.72 0.15 80)",
};
