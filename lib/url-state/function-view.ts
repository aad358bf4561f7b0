import type { z } from "zod";
import { viewQuerySchemas } from "./query-schema";
import { refineTimeRange, timeRangeFields, timeRangeParsers } from "./time-range";
import type { ViewState } from "./view";

/** One function's page: only the time window (alerts link here with ?from=&to=). */
const schemas = viewQuerySchemas(timeRangeFields, refineTimeRange);
export type FunctionWindowQuery = z.output<typeof schemas.api>;

export const functionView: ViewState<typeof timeRangeParsers, FunctionWindowQuery> = {
  parsers: timeRangeParsers,
  schemas,
};
