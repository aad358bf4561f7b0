import { NextResponse } from "next/server";
import { parseQuery, route } from "@/lib/api/errors";
import { requestScope, requireRole } from "@/lib/auth/session";
import { appConfig } from "@/lib/config/load";
import { loadReportList } from "@/lib/reports/load";
import { refreshReports, reportsNow } from "@/lib/reports/refresh";
import { reportScopeView } from "@/lib/reports/url-state";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const { team } = parseQuery(reportScopeView.schemas.api, new URL(request.url).searchParams);
  return NextResponse.json(await loadReportList(team ?? null, { scope: await requestScope() }));
});

/** Reports on demand: recomputes the week to date (and publishes last week if the collector has not yet). */
export const POST = route(async (request: Request) => {
  await requireRole("admin");
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  const { published, provisional } = await refreshReports(await reportsNow(), appConfig().config);
  return NextResponse.json({
    published: published[0]?.week ?? null,
    provisional: provisional[0]?.week ?? null,
  });
});
