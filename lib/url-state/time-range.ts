import { parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { isoDateTimeField } from "./fields";
import { parseAsZod } from "./zod-parser";

export const RANGE_PRESETS = ["24h", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = "7d";

const PRESET_MS: Record<RangePreset, number> = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS };
const MAX_CUSTOM_DAYS = 455; // CloudWatch keeps 1-hour data that long; we never hold more.
/** Up to a week, charts draw hours; beyond, days (a 30-day chart of 720 bars is unreadable). */
const HOURLY_UP_TO_MS = 7 * DAY_MS;

export type TimeStep = "hour" | "day";

export const timeRangeFields = {
  range: z.enum(RANGE_PRESETS).default(DEFAULT_RANGE),
  from: isoDateTimeField.optional(),
  to: isoDateTimeField.optional(),
};

export interface TimeRangeQuery {
  range: RangePreset;
  from?: string;
  to?: string;
}

/** A custom window needs both ends, in order, and not longer than the data we keep. */
export function refineTimeRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  const { from, to } = value;
  if (from === undefined && to === undefined) return;
  if (from === undefined) return void ctx.addIssue({ code: "custom", path: ["from"], message: "is required with to" });
  if (to === undefined) return void ctx.addIssue({ code: "custom", path: ["to"], message: "is required with from" });
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
  else if (span > MAX_CUSTOM_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `window must not exceed ${MAX_CUSTOM_DAYS} days` });
  }
}

export interface TimeWindow {
  from: Date;
  to: Date;
  step: TimeStep;
}

/** The window a query covers: a custom from/to as given, a preset ending now (starting on a step boundary). */
export function resolveTimeRange(query: TimeRangeQuery, now: Date = new Date()): TimeWindow {
  if (query.from !== undefined && query.to !== undefined) {
    const from = new Date(query.from);
    const to = new Date(query.to);
    return { from, to, step: stepFor(to.getTime() - from.getTime()) };
  }
  const span = PRESET_MS[query.range];
  const step = stepFor(span);
  const stepMs = step === "hour" ? HOUR_MS : DAY_MS;
  const from = new Date(Math.floor((now.getTime() - span) / stepMs) * stepMs);
  return { from, to: now, step };
}

function stepFor(spanMs: number): TimeStep {
  return spanMs <= HOURLY_UP_TO_MS ? "hour" : "day";
}

export function stepMs(step: TimeStep): number {
  return step === "hour" ? HOUR_MS : DAY_MS;
}

/** URL state of the time-range picker; the same keys and values as the API's time range. */
export const timeRangeParsers = {
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault(DEFAULT_RANGE),
  from: parseAsZod(isoDateTimeField),
  to: parseAsZod(isoDateTimeField),
};
