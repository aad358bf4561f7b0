import { parseQuery, route } from "@/lib/api/errors";
import { requestScope } from "@/lib/auth/session";
import { functionsCsv } from "@/lib/db/queries/functions-csv";
import { functionsView } from "@/lib/url-state/functions-view";

export const dynamic = "force-dynamic";

/** Every function matching the table's filters (paging parameters are accepted and ignored). */
export const GET = route(async (request: Request) => {
  const filter = parseQuery(functionsView.schemas.api, new URL(request.url).searchParams);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(functionsCsv(filter, { scope: await requestScope() }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="imagefleet-functions-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
