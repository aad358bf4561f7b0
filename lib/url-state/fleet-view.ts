import { parseAsStringLiteral } from "nuqs/server";
import type { FleetQuery } from "@/lib/contracts/fleet-query";
import { accountIdField, PACKAGE_TYPES, packageTypeField, regionField } from "./fields";
import { viewQuerySchemas } from "./query-schema";
import { refineTimeRange, timeRangeFields, timeRangeParsers } from "./time-range";
import type { ViewState } from "./view";
import { parseAsZod } from "./zod-parser";

const shape = {
  ...timeRangeFields,
  account: accountIdField.optional(),
  region: regionField.optional(),
  packageType: packageTypeField.optional(),
};

const schemas = viewQuerySchemas(shape, refineTimeRange);

const parsers = {
  ...timeRangeParsers,
  account: parseAsZod(accountIdField),
  region: parseAsZod(regionField),
  packageType: parseAsStringLiteral(PACKAGE_TYPES),
};

export const fleetView: ViewState<typeof parsers, FleetQuery> = { parsers, schemas };
