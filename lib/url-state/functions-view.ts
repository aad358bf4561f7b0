import { parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import {
  ARCHITECTURES,
  DELETED_FILTERS,
  FUNCTION_SORTS,
  type FunctionsQuery,
  SORT_DIRECTIONS,
} from "@/lib/contracts/functions-query";
import {
  accountIdField,
  architectureField,
  FUNCTION_STATES,
  intField,
  PACKAGE_TYPES,
  packageTypeField,
  regionField,
  searchField,
  stateField,
  teamField,
} from "./fields";
import { viewQuerySchemas } from "./query-schema";
import { refineTimeRange, timeRangeFields, timeRangeParsers } from "./time-range";
import type { ViewState } from "./view";
import { parseAsZod } from "./zod-parser";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
const MAX_IDLE_DAYS = 3650;
/** One field for the schema and the parser: nuqs' parseAsInteger reads "0b1" as 0 where zod reads 1. */
const pageField = intField(1, 1_000_000);

const shape = {
  ...timeRangeFields,
  packageType: packageTypeField.optional(),
  state: stateField.optional(),
  account: accountIdField.optional(),
  region: regionField.optional(),
  team: teamField.optional(),
  architecture: architectureField.optional(),
  deleted: z.enum(DELETED_FILTERS).default("exclude"),
  idleMin: intField(0, MAX_IDLE_DAYS).optional(),
  q: searchField.optional(),
  sort: z.enum(FUNCTION_SORTS).default("name"),
  dir: z.enum(SORT_DIRECTIONS).default("asc"),
  page: pageField.default(1),
  pageSize: intField(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

const schemas = viewQuerySchemas(shape, refineTimeRange);

const parsers = {
  ...timeRangeParsers,
  packageType: parseAsStringLiteral(PACKAGE_TYPES),
  state: parseAsStringLiteral(FUNCTION_STATES),
  account: parseAsZod(accountIdField),
  region: parseAsZod(regionField),
  team: parseAsZod(teamField),
  architecture: parseAsStringLiteral(ARCHITECTURES),
  deleted: parseAsStringLiteral(DELETED_FILTERS).withDefault("exclude"),
  idleMin: parseAsZod(intField(0, MAX_IDLE_DAYS)),
  q: parseAsZod(searchField),
  sort: parseAsStringLiteral(FUNCTION_SORTS).withDefault("name"),
  dir: parseAsStringLiteral(SORT_DIRECTIONS).withDefault("asc"),
  page: parseAsZod(pageField).withDefault(1),
  pageSize: parseAsZod(intField(1, MAX_PAGE_SIZE)).withDefault(DEFAULT_PAGE_SIZE),
};

export const functionsView: ViewState<typeof parsers, FunctionsQuery> = { parsers, schemas };
