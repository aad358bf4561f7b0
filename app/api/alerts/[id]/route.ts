import { NextResponse } from "next/server";
import { type AlertRouteContext, alertIdParams } from "@/lib/alerts/requests";
import { notFound, parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { getAlert } from "@/lib/db/queries/alerts";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request, context: AlertRouteContext) => {
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  const { id } = alertIdParams.parse(await context.params);
  const alert = await getAlert(id, { scope: await requestScope() });
  if (!alert) throw notFound(`Alert ${id}`);
  return NextResponse.json(alert);
});
