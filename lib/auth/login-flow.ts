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

/** What lets us ask the provider again who the user is and which groups they are in. */
export interface ProviderTokens {
  refreshToken?: string;
  accessToken: string;
  /** Seconds since the epoch; absent when the provider did not say. */
  accessTokenExpiresAt?: number;
}

function providerTokens(tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, now: Date) {
  const expiresIn = tokens.expiresIn();
  return {
    accessToken: tokens.access_token,
    ...(tokens.refresh_token && { refreshToken: tokens.refresh_token }),
    ...(expiresIn !== undefined && { accessTokenExpiresAt: Math.floor(now.getTime() / 1000) + expiresIn }),
  };
}

/** The identity claims: the ID token's, completed by UserInfo (many providers put groups only there). */
async function identityClaims(
  configuration: client.Configuration,
  accessToken: string,
  idToken: Record<string, unknown> & { sub: string },
): Promise<Record<string, unknown>> {
  const userInfo = configuration.serverMetadata().userinfo_endpoint
    ? await client.fetchUserInfo(configuration, accessToken, idToken.sub)
    : {};
  return { ...idToken, ...userInfo };
}

/**
 * Checks the provider's answer against the pending login and exchanges the code. `access` is
 * null when the user signed in but belongs to no group allowed here.
 */
export async function finishLogin(
  settings: AuthSettings,
  options: { redirectUri: URL; search: string; loginCookie: string | undefined; now?: Date },
): Promise<{ access: SessionClaims | null; returnTo: string; tokens: ProviderTokens }> {
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
    const claims = await identityClaims(configuration, tokens.access_token, idToken);
    return {
      access: accessFor(claims, settings.oidc),
      returnTo: pending.returnTo,
      tokens: providerTokens(tokens, options.now ?? new Date()),
    };
  } catch (error) {
    throw new SignInError("failed", describe(error));
  }
}

/**
 * Asks the provider again who the user `sub` is and which groups they are in: with the refresh
 * token when there is one, else with the access token while it lasts. `access` null: no longer
 * allowed here. Throws when the provider cannot tell (no usable token, refused, unreachable).
 */
export async function reReadAccess(
  settings: AuthSettings,
  sub: string,
  tokens: ProviderTokens,
  now: Date = new Date(),
): Promise<{ access: SessionClaims | null; tokens: ProviderTokens }> {
  const configuration = await oidcConfiguration(settings.oidc);
  if (tokens.refreshToken) {
    const refreshed = await client.refreshTokenGrant(configuration, tokens.refreshToken);
    const idToken = refreshed.claims() ?? { sub };
    if (idToken.sub !== sub) throw new Error("the provider answered for another user");
    const claims = await identityClaims(configuration, refreshed.access_token, idToken);
    // Providers that do not rotate refresh tokens send none back: the old one stays valid.
    const next = providerTokens(refreshed, now);
    return { access: accessFor(claims, settings.oidc), tokens: { refreshToken: tokens.refreshToken, ...next } };
  }
  if (tokens.accessTokenExpiresAt !== undefined && tokens.accessTokenExpiresAt * 1000 <= now.getTime()) {
    throw new Error("no refresh token, and the access token has expired");
  }
  const claims = await identityClaims(configuration, tokens.accessToken, { sub });
  return { access: accessFor(claims, settings.oidc), tokens };
}
