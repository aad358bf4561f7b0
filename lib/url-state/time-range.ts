import { parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { DAY_MS } from "@/lib/analysis/time";
import { DEFAULT_RANGE, MAX_CUSTOM_DAYS, RANGE_PRESETS } from "@/lib/analysis/time-window";
import { isoDateTimeField } from "./fields";
import { parseAsZod } from "./zod-parser";

export const timeRangeFields = {
  range: z.enum(RANGE_PRESETS).default(DEFAULT_RANGE),
  from: isoDateTimeField.optional(),
  to: isoDateTimeField.optional(),
};

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

/** URL state of the time-range picker; the same keys and values as the API's time range. */
export const timeRangeParsers = {
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault(DEFAULT_RANGE),
  from: parseAsZod(isoDateTimeField),
  to: parseAsZod(isoDateTimeField),
};
