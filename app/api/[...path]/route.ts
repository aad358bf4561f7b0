import { ApiError, route } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** Any other path under /api answers the shared JSON error, not the HTML not-found page. */
const noSuchEndpoint = route(async (request: Request) => {
  throw new ApiError("not_found", `No endpoint at ${new URL(request.url).pathname}`);
});

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
