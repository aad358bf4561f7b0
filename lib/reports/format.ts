import type { MetricRow, MetricUnit } from "@/lib/analysis/report/metrics";

// How report metrics read, in pages, exports' companions and digests alike.

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

function duration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 10_000) return `${whole.format(ms)} ms`;
  if (abs < 3_600_000) return `${oneDecimal.format(ms / 60_000)} min`;
  return `${oneDecimal.format(ms / 3_600_000)} h`;
}

export function formatMetricValue(unit: MetricUnit, value: number | null): string {
  if (value === null) return "—";
  switch (unit) {
    case "ratio":
      return `${oneDecimal.format(value * 100)} %`;
    case "ms":
      return duration(value);
    case "hours":
      return `${whole.format(value)} h`;
    case "count":
      return whole.format(value);
  }
}

export type Direction = "up" | "down" | "same";

export function direction(delta: number): Direction {
  return delta > 0 ? "up" : delta < 0 ? "down" : "same";
}

/** "+3", "−1.2 pt", "±0"; null without a previous value. Ratios change in percentage points. */
export function formatDelta(row: Pick<MetricRow, "unit" | "delta">): string | null {
  if (row.delta === null) return null;
  if (row.delta === 0) return "±0";
  const sign = row.delta > 0 ? "+" : "−";
  const size = Math.abs(row.delta);
  return row.unit === "ratio"
    ? `${sign}${oneDecimal.format(size * 100)} pt`
    : `${sign}${formatMetricValue(row.unit, size)}`;
}

/** Whether the change is good news, bad news, or neither. */
export function deltaTone(row: Pick<MetricRow, "better" | "delta">): "good" | "bad" | "neutral" {
  if (row.delta === null || row.delta === 0 || row.better === null) return "neutral";
  return direction(row.delta) === row.better ? "good" : "bad";
}
