// The authorization code flow with PKCE, state and nonce. What the callback needs to check the
// answer travels in a short-lived encrypted cookie, so no server-side store is needed.
import * as client from "openid-client";
import { z } from "zod";
import { accessFor } from "./access";
import { oidcConfiguration } from "./oidc";
import { openToken, sealToken } from "./sealed-token";
import type { AuthSettings } from "./settings";
import { SignInError } from "./sign-in-problem";
import type { SessionClaims } from "./user-session";

export const LOGIN_COOKIE = "imagefleet_login";
export const LOGIN_COOKIE_SECONDS = 600;

const pendingLoginSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string().startsWith("/"),
});

export async function startLogin(
  settings: AuthSettings,
  options: { redirectUri: URL; returnTo: string; now?: Date },
): Promise<{ authorizationUrl: URL; loginCookie: string }> {
  const configuration = await oidcConfiguration(settings.oidc);
  const pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    returnTo: options.returnTo,
  };
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: options.redirectUri.href,
    scope: settings.oidc.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  });
  const expiresAt = new Date((options.now ?? new Date()).getTime() + LOGIN_COOKIE_SECONDS * 1000);
  const loginCookie = await sealToken(pending, { secret: settings.sessionSecret, purpose: "login", expiresAt });
  return { authorizationUrl, loginCookie };
}

/** openid-client's messages are generic ("invalid response encountered"); the causes say what. */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(": ");
}

/**
 * Checks the provider's answer against the pending login and exchanges the code. `access` is
 * null when the user signed in but belongs to no group allowed here.
 */
export async function finishLogin(
  settings: AuthSettings,
  options: { redirectUri: URL; search: string; loginCookie: string | undefined },
): Promise<{ access: SessionClaims | null; returnTo: string }> {
  const pending = options.loginCookie
    ? await openToken(options.loginCookie, pendingLoginSchema, { secret: settings.sessionSecret, purpose: "login" })
    : null;
  if (!pending) throw new SignInError("expired", "no pending sign-in (it expired or was started elsewhere)");

  const callbackUrl = new URL(options.redirectUri);
  callbackUrl.search = options.search;
  try {
    const configuration = await oidcConfiguration(settings.oidc);
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("the provider sent no ID token");
    // Many providers put profile and group claims only in UserInfo, not in the ID token.
    const userInfo = configuration.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
      : {};
    return { access: accessFor({ ...idToken, ...userInfo }, settings.oidc), returnTo: pending.returnTo };
  } catch (error) {
    throw new SignInError("failed", describe(error));
  }
}
