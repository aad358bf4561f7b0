import { NextResponse } from "next/server";
import { notFound, parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { functionPathSchema } from "@/lib/url-state/fields";
import { functionView } from "@/lib/url-state/function-view";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ account: string; region: string; name: string }> };

export const GET = route(async (request: Request, context: Context) => {
  const path = functionPathSchema.parse(await context.params);
  const query = parseQuery(functionView.schemas.api, new URL(request.url).searchParams);
  const detail = await functionDetail({ accountId: path.account, region: path.region, name: path.name }, query, {
    scope: await requestScope(),
  });
  if (!detail) throw notFound(`Function ${path.name} in ${path.account}/${path.region}`);
  return NextResponse.json(detail);
});
