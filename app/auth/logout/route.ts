import { type NextRequest, NextResponse } from "next/server";
import { endSessionUrl } from "@/lib/auth/oidc";
import { endSession } from "@/lib/auth/session-store";
import { authSettings } from "@/lib/auth/settings";
import { authCookieOptions, publicOrigin, signedOutUri } from "@/lib/auth/site";
import { SESSION_COOKIE } from "@/lib/auth/user-session";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

// POST only (proxy.ts refuses cross-site writes): a link or image cannot sign anybody out.
export async function POST(request: NextRequest) {
  const settings = authSettings();
  const origin = publicOrigin(settings, request);
  if (!settings) return NextResponse.redirect(new URL("/", origin), 303);
  // The session ends on the server: a copy of the cookie elsewhere is worth nothing from now on.
  await endSession(request.cookies.get(SESSION_COOKIE)?.value, settings);
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
