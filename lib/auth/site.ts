// Where users reach ImageFleet, and how our auth cookies are set there.
import type { NextRequest } from "next/server";
import type { AuthSettings } from "./settings";

/**
 * The origin the browser used. Not request.nextUrl: Next.js rewrites 127.0.0.1 to localhost
 * there, and cookies set for one host are not sent to the other.
 */
export function requestOrigin(request: NextRequest): URL {
  const host = request.headers.get("host");
  try {
    if (host) return new URL(`${request.nextUrl.protocol}//${host}`);
  } catch {
    // A malformed Host header: fall back to what Next.js parsed.
  }
  return new URL(request.nextUrl.origin);
}

/** auth.publicBaseUrl when set (behind a reverse proxy the request may carry an internal host), else the request's. */
export function publicOrigin(settings: AuthSettings | null, request: NextRequest): URL {
  return settings?.publicBaseUrl ? new URL(settings.publicBaseUrl) : requestOrigin(request);
}

/** The redirect URI to register at the provider. */
export const callbackUri = (origin: URL) => new URL("/auth/callback", origin);

/** Where the provider sends users back after signing out (register it as a post-logout redirect URI). */
export const signedOutUri = (origin: URL) => new URL("/auth/signed-out", origin);

export function authCookieOptions(origin: URL, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: origin.protocol === "https:",
    path: "/",
    maxAge: maxAgeSeconds,
  };
}
