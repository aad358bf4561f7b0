// Authorisation for server code. proxy.ts turns away requests without a session, but a proxy is
// not a boundary by itself: route handlers that change state call requireRole("admin"), and
// query modules narrow what they read by requestScope().
import "server-only";
import { cookies } from "next/headers";
import type { AccountScope } from "@/lib/analysis/scope";
import { ApiError } from "@/lib/api/errors";
import { isLoopbackHost } from "@/lib/config/loopback";
import { listenHost } from "./exposure";
import { accountScope } from "./scope";
import { authSettings } from "./settings";
import { openSession, type Role, SESSION_COOKIE, type Session } from "./user-session";

/** The signed-in user, or null (no valid session, or sign-in is off). */
export async function currentSession(): Promise<Session | null> {
  const settings = authSettings();
  if (!settings) return null;
  return openSession((await cookies()).get(SESSION_COOKIE)?.value, settings.sessionSecret);
}

/**
 * With sign-in off nobody is signed in: on loopback (the local demo) the user may do
 * everything; on an exposed address (IMAGEFLEET_ALLOW_ANONYMOUS=1) only look.
 */
function anonymousSession(): Session {
  const role: Role = isLoopbackHost(listenHost()) ? "admin" : "viewer";
  return { sub: "anonymous", name: "Anonymous (sign-in off)", role, exp: Number.MAX_SAFE_INTEGER };
}

/** The user this request acts for; 401 when sign-in is on and there is no valid session. */
export async function requireSession(): Promise<Session> {
  if (!authSettings()) return anonymousSession();
  const session = await currentSession();
  if (!session) throw new ApiError("unauthorized", "Sign in to use ImageFleet");
  return session;
}

/** requireSession(), and 403 unless the user holds `role` (admin includes viewer). */
export async function requireRole(role: Role): Promise<Session> {
  const session = await requireSession();
  if (role === "admin" && session.role !== "admin") {
    throw new ApiError("forbidden", "Only administrators may do this");
  }
  return session;
}

/** What the request's user may see: the scope every read-side query module narrows by. */
export async function requestScope(): Promise<AccountScope> {
  return accountScope(await requireSession());
}
