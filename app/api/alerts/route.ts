import { NextResponse } from "next/server";
import { alertsView } from "@/lib/alerts/view";
import { parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { listAlerts } from "@/lib/db/queries/alerts";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const query = parseQuery(alertsView.schemas.api, new URL(request.url).searchParams);
  return NextResponse.json(await listAlerts(query, { scope: await requestScope() }));
});
