// Runs before every request: security headers with a per-request CSP nonce, CSRF refusal for
// cross-site writes, a rate limit on the JSON API and, when sign-in is configured, the sign-in
// gate. The gate is not the authorisation boundary: server code checks roles and scopes again
// (lib/auth/session.ts).

import { type NextRequest, NextResponse } from "next/server";
import { allowFormTarget } from "@/lib/auth/form-action";
import { signInGate } from "@/lib/auth/gate";
import { authSettings } from "@/lib/auth/settings";
import { signInPageStatus } from "@/lib/auth/sign-in-problem";
import { appEnv } from "@/lib/config/env";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/security/csp";
import { isCrossSiteWrite } from "@/lib/security/csrf";
import { createRateLimiter } from "@/lib/security/rate-limit";

const apiLimiter = createRateLimiter(appEnv().API_RATE_LIMIT_PER_MINUTE);

function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

function refuseAbuse(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  // Sign-out is a write outside /api.
  if (
    (api || pathname.startsWith("/auth/")) &&
    isCrossSiteWrite(request.method, request.headers.get("origin"), request.headers.get("host"))
  ) {
    return apiError(403, "forbidden", "Cross-site request refused");
  }
  if (!api) return null;
  const client = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
  const { allowed, retryAfterSeconds } = apiLimiter.take(client);
  return allowed
    ? null
    : apiError(429, "rate_limited", "Too many requests", { "Retry-After": String(retryAfterSeconds) });
}

/**
 * A path whose percent-encoding does not decode (`/alerts/%zz`) fails Next.js' matching of
 * dynamic segments, which then answers a bare 500: say 400 before routing.
 */
function refuseMalformedPath(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    const message = "The URL path is not valid percent-encoded UTF-8";
    if (pathname.startsWith("/api/")) return apiError(400, "bad_request", message);
    return new NextResponse(`400 · ${message}`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}

async function refuseWithoutSession(request: NextRequest): Promise<NextResponse | null> {
  const settings = authSettings();
  return settings ? signInGate(request, settings) : null;
}

export async function proxy(request: NextRequest) {
  const refusal = refuseAbuse(request) ?? refuseMalformedPath(request) ?? (await refuseWithoutSession(request));
  if (refusal) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) refusal.headers.set(name, value);
    return refusal;
  }

  const nonce = newNonce();
  const issuer = authSettings()?.oidc.issuer;
  const csp = issuer
    ? allowFormTarget(contentSecurityPolicy(nonce), new URL(issuer).origin)
    : contentSecurityPolicy(nonce);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const status = signInPageStatus(request.nextUrl);
  const response = NextResponse.next({ request: { headers: requestHeaders }, status });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Icons and the web manifest are public: the sign-in page shows them too.
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|manifest.webmanifest).*)",
    },
  ],
};
