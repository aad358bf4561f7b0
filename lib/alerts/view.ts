import { parseAsStringLiteral } from "nuqs/server";
import { z } from "zod";
import { type AlertsQuery, SEVERITIES, STATE_FILTERS } from "@/lib/contracts/alerts-query";
import { accountIdField, intField, teamField } from "@/lib/url-state/fields";
import { viewQuerySchemas } from "@/lib/url-state/query-schema";
import type { ViewState } from "@/lib/url-state/view";
import { parseAsZod } from "@/lib/url-state/zod-parser";
import { RULE_IDS } from "./rules";

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
/** One field for the schema and the parser: nuqs' parseAsInteger reads "0b1" as 0 where zod reads 1. */
const pageField = intField(1, 1_000_000);

const shape = {
  severity: z.enum(SEVERITIES).optional(),
  rule: z.enum(RULE_IDS).optional(),
  state: z.enum(STATE_FILTERS).default("active"),
  account: accountIdField.optional(),
  team: teamField.optional(),
  page: pageField.default(1),
  pageSize: intField(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

const schemas = viewQuerySchemas(shape, () => {});

const parsers = {
  severity: parseAsStringLiteral(SEVERITIES),
  rule: parseAsStringLiteral(RULE_IDS),
  state: parseAsStringLiteral(STATE_FILTERS).withDefault("active"),
  account: parseAsZod(accountIdField),
  team: parseAsZod(teamField),
  page: parseAsZod(pageField).withDefault(1),
  pageSize: parseAsZod(intField(1, MAX_PAGE_SIZE)).withDefault(DEFAULT_PAGE_SIZE),
};

/** The alert list's URL state: the same keys and values as `GET /api/alerts`. */
export const alertsView: ViewState<typeof parsers, AlertsQuery> = { parsers, schemas };
