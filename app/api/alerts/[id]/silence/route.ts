import { actionResponse } from "@/lib/alerts/action-response";
import { silenceAlert } from "@/lib/alerts/actions";
import { type AlertRouteContext, alertIdParams, readBody, silenceBody } from "@/lib/alerts/requests";
import { parseQuery, route } from "@/lib/api/errors";
import { actorName } from "@/lib/auth/actor";
import { accountScope } from "@/lib/auth/scope";
import { requireRole } from "@/lib/auth/session";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

export const POST = route(async (request: Request, context: AlertRouteContext) => {
  const session = await requireRole("admin");
  const scope = accountScope(session);
  const { id } = alertIdParams.parse(await context.params);
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  const now = new Date();
  const { until, note } = await readBody(request, silenceBody(now));
  const result = await silenceAlert(id, {
    until: until === null ? null : new Date(until),
    by: actorName(session),
    note,
    now,
    scope,
  });
  return actionResponse(id, result, scope);
});
