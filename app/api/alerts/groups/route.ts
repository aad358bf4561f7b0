import { NextResponse } from "next/server";
import { alertsView } from "@/lib/alerts/view";
import { parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { listAlertGroups } from "@/lib/db/queries/alerts";

export const dynamic = "force-dynamic";

/** The alert list in groups: the same filters as /api/alerts, `page` and `pageSize` count groups. */
export const GET = route(async (request: Request) => {
  const query = parseQuery(alertsView.schemas.api, new URL(request.url).searchParams);
  return NextResponse.json(await listAlertGroups(query, { scope: await requestScope() }));
});
