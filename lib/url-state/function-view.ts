import type { FunctionWindowQuery } from "@/lib/contracts/function-query";
import { viewQuerySchemas } from "./query-schema";
import { refineTimeRange, timeRangeFields, timeRangeParsers } from "./time-range";
import type { ViewState } from "./view";

const schemas = viewQuerySchemas(timeRangeFields, refineTimeRange);

export const functionView: ViewState<typeof timeRangeParsers, FunctionWindowQuery> = {
  parsers: timeRangeParsers,
  schemas,
};
