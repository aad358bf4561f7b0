import { actionResponse } from "@/lib/alerts/action-response";
import { acknowledgeAlert } from "@/lib/alerts/actions";
import { type AlertRouteContext, acknowledgeBody, alertIdParams, readBody } from "@/lib/alerts/requests";
import { parseQuery, route } from "@/lib/api/errors";
import { actorName } from "@/lib/auth/actor";
import { accountScope } from "@/lib/auth/scope";
import { requireRole } from "@/lib/auth/session";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

export const POST = route(async (request: Request, context: AlertRouteContext) => {
  const session = await requireRole("admin");
  const { id } = alertIdParams.parse(await context.params);
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  const { note } = await readBody(request, acknowledgeBody);
  const scope = accountScope(session);
  return actionResponse(id, await acknowledgeAlert(id, { by: actorName(session), note, scope }), scope);
});
