import { NextResponse } from "next/server";
import { ApiError, notFound, parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { reportCsv } from "@/lib/reports/csv";
import { loadReportView } from "@/lib/reports/load";
import { reportCsvFileName } from "@/lib/reports/paths";
import { reportExportQuery, reportFileSchema } from "@/lib/reports/url-state";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

/** `/api/reports/2026-W49.json` (what the report page reads) and `.csv` (one tidy table of metrics, or with `?section=` one of the report's lists), with `?team=`. */
export const GET = route(async (request: Request, context: Context) => {
  const { week, format } = reportFileSchema.parse(await context.params);
  const { team = null, section } = parseQuery(reportExportQuery, new URL(request.url).searchParams);
  if (format === "json" && section !== undefined)
    throw new ApiError("bad_request", "section: only the CSV export has sections");
  const view = await loadReportView(week, team, { scope: await requestScope() });
  if (view === null) throw notFound(`Report for ${week}${team === null ? "" : ` and team ${team}`}`);
  if (format === "json") return NextResponse.json(view);
  return new Response(reportCsv(view, section), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportCsvFileName(week, team, section)}"`,
      "cache-control": "no-store",
    },
  });
});
