import { NextResponse } from "next/server";
import { parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { idleThresholdAnswer } from "@/lib/db/queries/idle-transitions";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  return NextResponse.json(await idleThresholdAnswer({ scope: await requestScope() }));
});
