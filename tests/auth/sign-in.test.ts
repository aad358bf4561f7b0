// The sign-in flow end to end against a real OpenID provider: the login redirect, the provider's
// own login form, the callback's checks, and what ends up in the session cookie.
import { describe, expect, it } from "vitest";
import { GET as callback } from "@/app/auth/callback/route";
import { GET as login } from "@/app/auth/login/route";
import { LOGIN_COOKIE } from "@/lib/auth/login-flow";
import { ACCESS_RECHECK_MS, liveSession } from "@/lib/auth/session-store";
import { resolveAuthSettings } from "@/lib/auth/settings";
import { SESSION_COOKIE } from "@/lib/auth/user-session";
import { loadConfig } from "@/lib/config/load";
import { signInAtProvider } from "./support/provider-login";
import { RP_ORIGIN, rpRequest, setCookies, withTestProvider } from "./support/rp";
import { TEST_USERS } from "./support/test-provider";

const { provider } = withTestProvider();
const settings = () => resolveAuthSettings(loadConfig().config)!;

async function startSignIn(returnTo: string) {
  const response = await login(rpRequest(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`));
  return { response, loginCookie: setCookies(response).get(LOGIN_COOKIE)?.value ?? "" };
}

/** Signs `user` in through the provider's login form; the callback's answer. */
async function signIn(user: string, returnTo = "/functions?state=Inactive") {
  const { response, loginCookie } = await startSignIn(returnTo);
  const back = await signInAtProvider(new URL(response.headers.get("location")!), user, RP_ORIGIN);
  return callback(rpRequest(`${back.pathname}${back.search}`, { cookies: { [LOGIN_COOKIE]: loginCookie } }));
}

async function sessionOf(response: Response, now?: Date) {
  return liveSession(setCookies(response).get(SESSION_COOKIE)?.value, settings(), now);
}

describe("sign-in", () => {
  it("sends the browser to the provider with PKCE, state and nonce, remembered in a short-lived cookie", async () => {
    const { response } = await startSignIn("/functions");
    expect(response.status).toBe(307);
    const to = new URL(response.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider().issuer}/auth`);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: "imagefleet",
      response_type: "code",
      redirect_uri: `${RP_ORIGIN}/auth/callback`,
      scope: "openid profile email",
      code_challenge_method: "S256",
    });
    for (const param of ["state", "nonce", "code_challenge"])
      expect(to.searchParams.get(param)).toMatch(/^[\w-]{20,}$/);
    const cookie = setCookies(response).get(LOGIN_COOKIE)!;
    expect(cookie.attributes).toContain("httponly");
    expect(cookie.attributes).toContain("samesite=lax");
    expect(cookie.attributes).toContain("max-age=600");
    expect(cookie.attributes).not.toContain("secure");
    // Encrypted: nothing of the state or verifier readable in it.
    expect(cookie.value).not.toContain(to.searchParams.get("state"));
  });

  it("signs a viewer in and returns to the page they asked for", async () => {
    const response = await signIn("vera");
    expect(response.headers.get("location")).toBe(`${RP_ORIGIN}/functions?state=Inactive`);
    const cookie = setCookies(response).get(SESSION_COOKIE)!;
    expect(cookie.attributes).toContain("httponly");
    expect(cookie.attributes).toContain("samesite=lax");
    expect(cookie.attributes).toContain(`max-age=${12 * 3600}`);
    expect(setCookies(response).get(LOGIN_COOKIE)?.value).toBe("");
    const session = await sessionOf(response);
    expect(session).toMatchObject({ sub: "vera", name: "Vera Viewer", email: "vera@example.test", role: "viewer" });
    expect(session).not.toHaveProperty("accounts");
    expect(session!.exp * 1000 - Date.now()).toBeGreaterThan(11 * 3_600_000);
  });

  it("maps groups to roles and restrictions", async () => {
    expect(await sessionOf(await signIn("ada"))).toMatchObject({ sub: "ada", role: "admin" });
    expect(await sessionOf(await signIn("sam"))).toMatchObject({
      role: "viewer",
      accounts: ["111111111111"],
      teams: ["payments"],
    });
  });

  it("refuses a user in no allowed group with the 403 page and no session", async () => {
    const response = await signIn("otto");
    expect(response.headers.get("location")).toBe(`${RP_ORIGIN}/auth/error?reason=forbidden`);
    expect(setCookies(response).has(SESSION_COOKIE)).toBe(false);
  });

  it("never redirects to another site after signing in", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) {
      const response = await signIn("vera", returnTo);
      expect(response.headers.get("location")).toBe(`${RP_ORIGIN}/`);
    }
  });

  it("rejects a callback whose state does not match, or that has no pending sign-in", async () => {
    const { response, loginCookie } = await startSignIn("/");
    const back = await signInAtProvider(new URL(response.headers.get("location")!), "vera", RP_ORIGIN);
    back.searchParams.set("state", "forged");
    const forged = await callback(
      rpRequest(`${back.pathname}${back.search}`, { cookies: { [LOGIN_COOKIE]: loginCookie } }),
    );
    expect(forged.headers.get("location")).toBe(`${RP_ORIGIN}/auth/error?reason=failed`);
    expect(setCookies(forged).has(SESSION_COOKIE)).toBe(false);

    const orphan = await callback(rpRequest(`${back.pathname}${back.search}`));
    expect(orphan.headers.get("location")).toBe(`${RP_ORIGIN}/auth/error?reason=expired`);
  });

  it("does not accept the same authorization code twice", async () => {
    const { response, loginCookie } = await startSignIn("/");
    const back = await signInAtProvider(new URL(response.headers.get("location")!), "vera", RP_ORIGIN);
    const callbackRequest = () =>
      rpRequest(`${back.pathname}${back.search}`, { cookies: { [LOGIN_COOKIE]: loginCookie } });
    expect((await callback(callbackRequest())).headers.get("location")).toBe(`${RP_ORIGIN}/`);
    expect((await callback(callbackRequest())).headers.get("location")).toBe(`${RP_ORIGIN}/auth/error?reason=failed`);
  });

  it("re-reads the user's groups from the provider after an hour, not only at the next sign-in", async () => {
    const sam = TEST_USERS.sam!;
    const groups = sam.groups;
    try {
      const response = await signIn("sam");
      expect(await sessionOf(response)).toMatchObject({ role: "viewer", teams: ["payments"] });
      const later = () => new Date(Date.now() + ACCESS_RECHECK_MS + 60_000);

      // Promoted, and no longer restricted: within the hour nothing changes, after it the session follows.
      sam.groups = ["fleet-viewers", "fleet-admins"];
      expect(await sessionOf(response)).toMatchObject({ role: "viewer", teams: ["payments"] });
      const promoted = await sessionOf(response, later());
      expect(promoted).toMatchObject({ role: "admin" });
      expect(promoted).not.toHaveProperty("teams");

      // Out of every allowed group: the session ends.
      sam.groups = ["marketing"];
      expect(await sessionOf(response, new Date(Date.now() + 2 * ACCESS_RECHECK_MS + 120_000))).toBeNull();
      expect(await sessionOf(response)).toBeNull();
    } finally {
      sam.groups = groups;
    }
  });
});
