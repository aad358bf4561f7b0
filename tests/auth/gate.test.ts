// With sign-in configured, proxy.ts lets only the sign-in and the health check through without
// a valid session; sign-out clears the session and ends the provider's session too.
import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/auth/logout/route";
import { startSession } from "@/lib/auth/session-store";
import { resolveAuthSettings } from "@/lib/auth/settings";
import { SESSION_COOKIE } from "@/lib/auth/user-session";
import { loadConfig } from "@/lib/config/load";
import { revokeAllUserSessions } from "@/lib/db/queries/user-sessions";
import { proxy } from "@/proxy";
import { RP_ORIGIN, rpRequest, setCookies, withTestProvider } from "./support/rp";

const { provider } = withTestProvider();
const vera = { sub: "vera", name: "Vera Viewer", role: "viewer" as const };
const ada = { sub: "ada", name: "Ada Admin", role: "admin" as const };
const tokens = { accessToken: "not used: the session is younger than an hour" };

const settings = () => resolveAuthSettings(loadConfig().config)!;
const validSession = () => startSession(vera, tokens, settings());
const passes = async (cookie: string) =>
  (await proxy(rpRequest("/api/functions", { cookies: { [SESSION_COOKIE]: cookie } }))).status !== 401;

describe("sign-in gate", () => {
  it("sends pages to the sign-in, remembering where the user was going", async () => {
    const response = await proxy(rpRequest("/functions?state=Inactive&sort=name"));
    expect(response.status).toBe(307);
    const to = new URL(response.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe(`${RP_ORIGIN}/auth/login`);
    expect(to.searchParams.get("returnTo")).toBe("/functions?state=Inactive&sort=name");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("answers a page prefetch with 401, so that it cannot replace a sign-in in progress", async () => {
    const prefetch = rpRequest("/functions", {
      headers: { "sec-fetch-mode": "cors", rsc: "1", "next-router-prefetch": "1" },
    });
    expect((await proxy(prefetch)).status).toBe(401);
  });

  it("answers the API with 401 in the shared error shape", async () => {
    for (const path of ["/api/functions", "/api/fleet/summary", "/api/auth/session"]) {
      const response = await proxy(rpRequest(path));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to use ImageFleet" } });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("vary")).toMatch(/\bCookie\b/);
    }
  });

  it("lets the sign-in pages and the health check through", async () => {
    for (const path of ["/auth/login", "/auth/callback?code=x", "/auth/error?reason=failed", "/api/health"]) {
      expect((await proxy(rpRequest(path))).headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("lets a valid session through, and rejects tampered, expired and foreign tokens", async () => {
    const valid = await validSession();
    expect(
      (await proxy(rpRequest("/", { cookies: { [SESSION_COOKIE]: valid } }))).headers.get("x-middleware-next"),
    ).toBe("1");

    const flipped = valid.slice(0, -5) + (valid.at(-5) === "A" ? "B" : "A") + valid.slice(-4);
    const expired = await startSession(vera, tokens, settings(), new Date(Date.now() - 13 * 3_600_000));
    const otherSecret = await startSession(vera, tokens, {
      ...settings(),
      sessionSecret: "another-secret-of-at-least-32-characters",
    });
    for (const token of [flipped, expired, otherSecret, "not-a-token"]) {
      const response = await proxy(rpRequest("/api/functions", { cookies: { [SESSION_COOKIE]: token } }));
      expect(response.status).toBe(401);
    }
  });
});

describe("sign-out", () => {
  it("clears the session and ends the provider's session", async () => {
    const response = await logout(
      rpRequest("/auth/logout", { method: "POST", cookies: { [SESSION_COOKIE]: await validSession() } }),
    );
    expect(response.status).toBe(303);
    const to = new URL(response.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider().issuer}/session/end`);
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${RP_ORIGIN}/auth/signed-out`);
    expect(to.searchParams.get("client_id")).toBe("imagefleet");
    const cleared = setCookies(response).get(SESSION_COOKIE)!;
    expect(cleared.value).toBe("");
    expect(cleared.attributes).toContain("max-age=0");
  });

  it("ends the session on the server: a copy of the cookie no longer passes", async () => {
    const cookie = await validSession();
    const other = await validSession();
    expect(await passes(cookie)).toBe(true);
    await logout(rpRequest("/auth/logout", { method: "POST", cookies: { [SESSION_COOKIE]: cookie } }));
    expect(await passes(cookie)).toBe(false);
    expect(await passes(other)).toBe(true);
  });

  it("signs everyone out everywhere at an administrator's request", async () => {
    const cookies = [await validSession(), await validSession()];
    expect(await revokeAllUserSessions(new Date())).toBeGreaterThanOrEqual(2);
    for (const cookie of cookies) expect(await passes(cookie)).toBe(false);
  });

  it("signs everyone out from the sign-out form, for an unrestricted administrator only", async () => {
    const everywhere = (cookie: string) =>
      logout(rpRequest("/auth/logout?everywhere=1", { method: "POST", cookies: { [SESSION_COOKIE]: cookie } }));
    const viewer = await validSession();
    const restricted = await startSession({ ...ada, teams: ["payments"] }, tokens, settings());
    expect((await everywhere(viewer)).status).toBe(403);
    expect((await everywhere(restricted)).status).toBe(403);
    expect(await passes(viewer)).toBe(true);

    const admin = await startSession(ada, tokens, settings());
    expect((await everywhere(admin)).status).toBe(303);
    for (const cookie of [viewer, restricted, admin]) expect(await passes(cookie)).toBe(false);
  });

  it("is refused when posted from another site", async () => {
    const response = await proxy(
      rpRequest("/auth/logout", { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(response.status).toBe(403);
  });
});
