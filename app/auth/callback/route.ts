import { type NextRequest, NextResponse } from "next/server";
import { finishLogin, LOGIN_COOKIE } from "@/lib/auth/login-flow";
import { safeReturnTo } from "@/lib/auth/return-to";
import { startSession } from "@/lib/auth/session-store";
import { authSettings } from "@/lib/auth/settings";
import { SignInError, signInProblemUri } from "@/lib/auth/sign-in-problem";
import { authCookieOptions, callbackUri, publicOrigin } from "@/lib/auth/site";
import { SESSION_COOKIE } from "@/lib/auth/user-session";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const settings = authSettings();
  const origin = publicOrigin(settings, request);
  if (!settings) return NextResponse.redirect(new URL("/", origin));
  const redirect = (to: URL) => {
    const response = NextResponse.redirect(to);
    response.cookies.set(LOGIN_COOKIE, "", authCookieOptions(origin, 0));
    return response;
  };

  let outcome: Awaited<ReturnType<typeof finishLogin>>;
  try {
    outcome = await finishLogin(settings, {
      redirectUri: callbackUri(origin),
      search: request.nextUrl.search,
      loginCookie: request.cookies.get(LOGIN_COOKIE)?.value,
    });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    log.warn({ problem: error.problem, reason: error.message }, "sign-in failed");
    return redirect(signInProblemUri(origin, error.problem));
  }
  const { access, returnTo, tokens } = outcome;
  if (!access) {
    log.info("sign-in refused: the user is in no group allowed to use ImageFleet");
    return redirect(signInProblemUri(origin, "forbidden"));
  }

  const session = await startSession(access, tokens, settings);
  log.info({ sub: access.sub, role: access.role, restricted: Boolean(access.accounts) }, "signed in");
  // Checked when the sign-in started; checked again so no path to this redirect skips it.
  const response = redirect(new URL(safeReturnTo(returnTo), origin));
  response.cookies.set(SESSION_COOKIE, session, authCookieOptions(origin, settings.sessionHours * 3600));
  return response;
}
