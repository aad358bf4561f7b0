// The sign-in gate proxy.ts applies when sign-in is configured: pages without a valid session
// go to the sign-in, the API answers 401. The sign-in itself and the health check stay open.
import { type NextRequest, NextResponse } from "next/server";
import { markPrivate } from "@/lib/api/errors";
import { liveSession } from "./session-store";
import type { AuthSettings } from "./settings";
import { publicOrigin } from "./site";
import { SESSION_COOKIE } from "./user-session";

const OPEN_PATHS = [/^\/auth(\/|$)/, /^\/api\/health$/];

/**
 * Only a page load goes to the sign-in (clients without Sec-Fetch-Mode count as one). A link
 * prefetch that followed the redirect would start a sign-in of its own and replace the pending
 * one; refused with 401, Next.js falls back to a full page load, which is redirected.
 */
function isNavigation(request: NextRequest): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  return mode === null || mode === "navigate";
}

/** The answer for a request that may not pass, or null when it may. */
export async function signInGate(request: NextRequest, settings: AuthSettings): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (OPEN_PATHS.some((open) => open.test(pathname))) return null;
  if (await liveSession(request.cookies.get(SESSION_COOKIE)?.value, settings)) return null;
  if (pathname.startsWith("/api/") || !isNavigation(request)) {
    return markPrivate(
      NextResponse.json({ error: { code: "unauthorized", message: "Sign in to use ImageFleet" } }, { status: 401 }),
    );
  }
  const login = new URL("/auth/login", publicOrigin(settings, request));
  login.searchParams.set("returnTo", `${pathname}${search}`);
  return NextResponse.redirect(login);
}
