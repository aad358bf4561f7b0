import { NextResponse } from "next/server";
import { ApiError, parseQuery, route } from "@/lib/api/errors";
import { maySignOutEveryone } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/session";
import { authSettings } from "@/lib/auth/settings";
import { revokeAllUserSessions } from "@/lib/db/queries/user-sessions";
import { log } from "@/lib/log";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

/**
 * Sign out everywhere: ends every session, the caller's own included (after a leaked cookie, a
 * departure, a change of groups that must apply now). Administrators without a restriction only.
 */
export const DELETE = route(async (request: Request) => {
  const session = await requireRole("admin");
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  if (!authSettings()) throw new ApiError("bad_request", "Sign-in is off: there are no sessions to end");
  if (!maySignOutEveryone(session))
    throw new ApiError("forbidden", "Only administrators without a restriction may do this");
  const revoked = await revokeAllUserSessions(new Date());
  log.warn({ by: session.sub, revoked }, "every session signed out");
  return NextResponse.json({ revoked });
});
