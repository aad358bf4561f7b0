import { parseQuery, route } from "@/lib/api/errors";
import { requireRole } from "@/lib/auth/session";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

/** 204 when the caller may change things (acknowledge alerts, trigger collection…), else 401/403. */
export const POST = route(async (request: Request) => {
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  await requireRole("admin");
  return new Response(null, { status: 204 });
});
