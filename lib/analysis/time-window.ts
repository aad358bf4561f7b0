import { DAY_MS, HOUR_MS } from "./time";

// The time window a page or API answer covers: a preset ending now or a custom from/to, with the
// step its charts draw. Pure, so query modules and URL parsers share it without depending on each other.

export const RANGE_PRESETS = ["24h", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = "7d";

const PRESET_MS: Record<RangePreset, number> = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS };
/** CloudWatch keeps 1-hour data 455 days; we never hold more. */
export const MAX_CUSTOM_DAYS = 455;
/** Up to a week, charts draw hours; beyond, days (a 30-day chart of 720 bars is unreadable). */
const HOURLY_UP_TO_MS = 7 * DAY_MS;

export type TimeStep = "hour" | "day";

export interface TimeRangeQuery {
  range: RangePreset;
  from?: string;
  to?: string;
}

export interface ViewWindow {
  from: Date;
  to: Date;
  step: TimeStep;
}

/** The window a query covers: a custom from/to as given, a preset ending now (starting on a step boundary). */
export function resolveTimeRange(query: TimeRangeQuery, now: Date = new Date()): ViewWindow {
  if (query.from !== undefined && query.to !== undefined) {
    const from = new Date(query.from);
    const to = new Date(query.to);
    return { from, to, step: stepFor(to.getTime() - from.getTime()) };
  }
  const span = PRESET_MS[query.range];
  const step = stepFor(span);
  const size = stepMs(step);
  const from = new Date(Math.floor((now.getTime() - span) / size) * size);
  return { from, to: now, step };
}

function stepFor(spanMs: number): TimeStep {
  return spanMs <= HOURLY_UP_TO_MS ? "hour" : "day";
}

export function stepMs(step: TimeStep): number {
  return step === "hour" ? HOUR_MS : DAY_MS;
}
