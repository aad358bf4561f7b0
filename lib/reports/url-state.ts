import { z } from "zod";
import { type IsoWeekLabel, parseIsoWeek } from "@/lib/analysis/weeks";
import { teamField } from "@/lib/url-state/fields";
import { viewQuerySchemas } from "@/lib/url-state/query-schema";
import type { ViewState } from "@/lib/url-state/view";
import { parseAsZod } from "@/lib/url-state/zod-parser";
import { REPORT_CSV_SECTIONS } from "./csv";

/** An ISO week label that exists ("2026-W53" only in years with 53 weeks). */
export const weekField = z.string().superRefine((value, ctx) => {
  try {
    parseIsoWeek(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

export const REPORT_FORMATS = ["json", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The `[file]` segment of an export: "<week>.<json|csv>". */
export const reportFileSchema = z
  .object({
    file: z.string().regex(/^[^.]+\.(json|csv)$/, "must be <ISO week>.json or <ISO week>.csv, e.g. 2026-W49.csv"),
  })
  .transform(({ file }) => {
    const dot = file.lastIndexOf(".");
    return { week: file.slice(0, dot) as IsoWeekLabel, format: file.slice(dot + 1) as ReportFormat };
  })
  .pipe(z.object({ week: weekField, format: z.enum(REPORT_FORMATS) }));

/** A report or the list of reports: the whole fleet, or one team. */
const schemas = viewQuerySchemas({ team: teamField.optional() }, () => {});
export type ReportQuery = z.output<typeof schemas.api>;

const parsers = { team: parseAsZod(teamField) };

export const reportScopeView: ViewState<typeof parsers, ReportQuery> = { parsers, schemas };

/** An export's query: the scope, and for CSV which table (`metrics` unless `section` names a list). */
export const reportExportQuery = z.strictObject({
  team: teamField.optional(),
  section: z.enum(REPORT_CSV_SECTIONS).optional(),
});
