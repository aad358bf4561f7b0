import { type NextRequest, NextResponse } from "next/server";
import { LOGIN_COOKIE, LOGIN_COOKIE_SECONDS, startLogin } from "@/lib/auth/login-flow";
import { safeReturnTo } from "@/lib/auth/return-to";
import { authSettings } from "@/lib/auth/settings";
import { signInProblemUri } from "@/lib/auth/sign-in-problem";
import { authCookieOptions, callbackUri, publicOrigin } from "@/lib/auth/site";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"));
  const settings = authSettings();
  const origin = publicOrigin(settings, request);
  if (!settings) return NextResponse.redirect(new URL(returnTo, origin));
  try {
    const { authorizationUrl, loginCookie } = await startLogin(settings, {
      redirectUri: callbackUri(origin),
      returnTo,
    });
    const response = NextResponse.redirect(authorizationUrl);
    response.cookies.set(LOGIN_COOKIE, loginCookie, authCookieOptions(origin, LOGIN_COOKIE_SECONDS));
    return response;
  } catch (error) {
    log.error({ err: error, issuer: settings.oidc.issuer }, "sign-in could not start: identity provider unreachable");
    return NextResponse.redirect(signInProblemUri(origin, "failed"));
  }
}
