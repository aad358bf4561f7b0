import type { ParserMap } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { alertsView } from "@/lib/alerts/view";
import { reportScopeView } from "@/lib/reports/url-state";
import { fleetView } from "./fleet-view";
import { functionView } from "./function-view";
import { functionsView } from "./functions-view";
import { readPageQuery, type ViewState } from "./view";

// A page validates its query with the zod schema, then reads it again with the nuqs parsers to
// build the canonical query: when the two disagree about a value, the page throws (a 500).
const VIEWS: [string, ViewState<ParserMap, unknown>][] = [
  ["fleet", fleetView],
  ["functions", functionsView],
  ["function", functionView],
  ["alerts", alertsView],
  ["report scope", reportScopeView],
];

const VALUES = [
  "",
  " ",
  " 7 ",
  "0",
  "1",
  "2",
  "-1",
  "1.5",
  "1e3",
  "1e309",
  "0x10",
  "0b1",
  "0o7",
  "+3",
  "NaN",
  "Infinity",
  "9999999999999999999999",
  "x",
  " a ",
  "\u0000",
  "<script>alert(1)</script>",
  "2026-01-01T00:00:00Z",
  "24h",
  "Image",
  "desc",
];

describe("readPageQuery", () => {
  for (const [name, view] of VIEWS) {
    it(`${name}: every value the page schema accepts, the parsers read the same`, () => {
      for (const key of Object.keys(view.parsers)) {
        for (const value of VALUES) {
          for (const params of [{ [key]: value }, { [key]: [value, "2"] }]) {
            const read = readPageQuery(view, params);
            const checked = view.schemas.page.safeParse({ [key]: value });
            expect(read.ok, `${key}=${JSON.stringify(value)}`).toBe(checked.success);
            if (read.ok && checked.success) {
              expect((read.query as Record<string, unknown>)[key], `${key}=${JSON.stringify(value)}`).toEqual(
                (checked.data as Record<string, unknown>)[key],
              );
            }
          }
        }
      }
    });
  }
});
