import { parseAsStringLiteral } from "nuqs/server";
import type { z } from "zod";
import { accountIdField, PACKAGE_TYPES, packageTypeField, regionField } from "./fields";
import { viewQuerySchemas } from "./query-schema";
import { refineTimeRange, timeRangeFields, timeRangeParsers } from "./time-range";
import type { ViewState } from "./view";
import { parseAsZod } from "./zod-parser";

/** The overview: a time range and the slice of the fleet its charts and lists cover. */
const shape = {
  ...timeRangeFields,
  account: accountIdField.optional(),
  region: regionField.optional(),
  packageType: packageTypeField.optional(),
};

const schemas = viewQuerySchemas(shape, refineTimeRange);
export type FleetQuery = z.output<typeof schemas.api>;

const parsers = {
  ...timeRangeParsers,
  account: parseAsZod(accountIdField),
  region: parseAsZod(regionField),
  packageType: parseAsStringLiteral(PACKAGE_TYPES),
};

export const fleetView: ViewState<typeof parsers, FleetQuery> = { parsers, schemas };
