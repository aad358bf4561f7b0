// Runs before every request: security headers with a per-request CSP nonce, CSRF refusal for
// cross-site writes, and a rate limit on the JSON API. Authorisation itself is checked where
// the data is read, not here.
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/security/csp";
import { isCrossSiteWrite } from "@/lib/security/csrf";
import { createRateLimiter } from "@/lib/security/rate-limit";

const apiLimiter = createRateLimiter(Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 1200));

function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { ...SECURITY_HEADERS, ...headers } });
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    if (isCrossSiteWrite(request.method, request.headers.get("origin"), request.headers.get("host"))) {
      return apiError(403, "forbidden", "Cross-site request refused");
    }
    const client = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
    const { allowed, retryAfterSeconds } = apiLimiter.take(client);
    if (!allowed) {
      return apiError(429, "rate_limited", "Too many requests", { "Retry-After": String(retryAfterSeconds) });
    }
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
