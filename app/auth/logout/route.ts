import { type NextRequest, NextResponse } from "next/server";
import { maySignOutEveryone } from "@/lib/auth/actor";
import { endSessionUrl } from "@/lib/auth/oidc";
import { endSession, liveSession } from "@/lib/auth/session-store";
import { authSettings } from "@/lib/auth/settings";
import { authCookieOptions, publicOrigin, signedOutUri } from "@/lib/auth/site";
import { SESSION_COOKIE } from "@/lib/auth/user-session";
import { revokeAllUserSessions } from "@/lib/db/queries/user-sessions";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

// POST only (proxy.ts refuses cross-site writes): a link or image cannot sign anybody out.
export async function POST(request: NextRequest) {
  const settings = authSettings();
  const origin = publicOrigin(settings, request);
  if (!settings) return NextResponse.redirect(new URL("/", origin), 303);
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  // ?everywhere=1: an administrator signs every user out, then themselves as usual.
  if (request.nextUrl.searchParams.get("everywhere") === "1") {
    const session = await liveSession(cookie, settings);
    if (!session || !maySignOutEveryone(session)) {
      return new NextResponse("403 · Only administrators without a restriction may sign everyone out", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    const revoked = await revokeAllUserSessions(new Date());
    log.warn({ by: session.sub, revoked }, "every session signed out");
  }
  // The session ends on the server: a copy of the cookie elsewhere is worth nothing from now on.
  await endSession(cookie, settings);
  const signedOut = signedOutUri(origin);
  // Our cookie goes either way; the provider's own session ends only if it can be reached.
  const providerLogout = await endSessionUrl(settings.oidc, signedOut).catch((error) => {
    log.warn({ err: error }, "identity provider unreachable: signed out of ImageFleet only");
    return null;
  });
  const response = NextResponse.redirect(providerLogout ?? signedOut, 303);
  response.cookies.set(SESSION_COOKIE, "", authCookieOptions(origin, 0));
  return response;
}
