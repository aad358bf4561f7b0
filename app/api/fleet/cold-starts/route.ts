import { NextResponse } from "next/server";
import { parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetView } from "@/lib/url-state/fleet-view";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const query = parseQuery(fleetView.schemas.api, new URL(request.url).searchParams);
  return NextResponse.json(await fleetColdStarts(query, { scope: await requestScope() }));
});
