import { NextResponse } from "next/server";
import { parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { functionsPage } from "@/lib/db/queries/functions";
import { functionsView } from "@/lib/url-state/functions-view";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const query = parseQuery(functionsView.schemas.api, new URL(request.url).searchParams);
  return NextResponse.json(await functionsPage(query, { scope: await requestScope() }));
});
