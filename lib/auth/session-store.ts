// Sessions kept on the server: the cookie names a row of UserSession, so signing out ends the
// session everywhere the cookie was copied, an administrator can end every session at once, and
// the role and restriction follow the user's groups at the provider within an hour instead of
// staying as they were at sign-in for `sessionHours`.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  createUserSession,
  findLiveUserSession,
  revokeUserSession,
  type UserSessionRecord,
  updateUserSessionAccess,
} from "@/lib/db/queries/user-sessions";
import { log } from "@/lib/log";
import { type ProviderTokens, reReadAccess } from "./login-flow";
import { openToken, sealToken } from "./sealed-token";
import type { AuthSettings } from "./settings";
import { openSessionCookie, ROLES, type Session, type SessionClaims, sealSessionCookie } from "./user-session";

/** How long the role and restriction read from the provider are believed. */
export const ACCESS_RECHECK_MS = 3_600_000;

const providerTokensSchema = z.object({
  refreshToken: z.string().optional(),
  accessToken: z.string(),
  accessTokenExpiresAt: z.number().optional(),
});
const stringList = z.array(z.string());

async function sealTokens(tokens: ProviderTokens, secret: string, expiresAt: Date): Promise<string> {
  return sealToken({ ...tokens }, { secret, purpose: "provider-tokens", expiresAt });
}

function toSession(record: UserSessionRecord): Session {
  const list = (json: string | null) => (json === null ? undefined : stringList.parse(JSON.parse(json)));
  return {
    sub: record.sub,
    name: record.name,
    ...(record.email !== null && { email: record.email }),
    role: z.enum(ROLES).parse(record.role),
    ...(record.accounts !== null && { accounts: list(record.accounts) }),
    ...(record.teams !== null && { teams: list(record.teams) }),
    exp: Math.floor(record.expiresAt.getTime() / 1000),
  };
}

function claimColumns(access: SessionClaims) {
  return {
    name: access.name,
    email: access.email ?? null,
    role: access.role,
    accounts: access.accounts ? JSON.stringify(access.accounts) : null,
    teams: access.teams ? JSON.stringify(access.teams) : null,
  };
}

/** Records a new session; the cookie value that names it. */
export async function startSession(
  access: SessionClaims,
  tokens: ProviderTokens,
  settings: AuthSettings,
  now: Date = new Date(),
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
  await createUserSession({
    id,
    sub: access.sub,
    ...claimColumns(access),
    providerTokens: await sealTokens(tokens, settings.sessionSecret, expiresAt),
    createdAt: now,
    expiresAt,
    accessCheckedAt: now,
  });
  return sealSessionCookie(id, { secret: settings.sessionSecret, expiresAt });
}

/**
 * Reads the user's groups at the provider again. The session ends when they no longer allow
 * ImageFleet, and also when the provider cannot say: a role that cannot be confirmed is not kept.
 */
async function recheckAccess(record: UserSessionRecord, settings: AuthSettings, now: Date): Promise<Session | null> {
  const sealed = record.providerTokens;
  const tokens = sealed
    ? await openToken(sealed, providerTokensSchema, { secret: settings.sessionSecret, purpose: "provider-tokens" })
    : null;
  try {
    if (!tokens) throw new Error("no provider tokens kept for this session");
    const { access, tokens: next } = await reReadAccess(settings, record.sub, tokens, now);
    if (!access) {
      log.info({ sub: record.sub }, "session ended: the user is no longer in a group allowed to use ImageFleet");
      await revokeUserSession(record.id, now);
      return null;
    }
    const change = {
      ...claimColumns(access),
      providerTokens: await sealTokens(next, settings.sessionSecret, record.expiresAt),
      accessCheckedAt: now,
    };
    if (!(await updateUserSessionAccess(record.id, change))) return null;
    return toSession({ ...record, ...change });
  } catch (error) {
    log.warn(
      { sub: record.sub, err: error },
      "session ended: the identity provider could not confirm the user's groups",
    );
    await revokeUserSession(record.id, now);
    return null;
  }
}

// One re-check per session at a time, per process (the proxy and the route handlers are separate
// bundles): a page's parallel requests share it, and a rotating refresh token is used once.
const holder = globalThis as unknown as { imagefleetAccessRechecks?: Map<string, Promise<Session | null>> };
holder.imagefleetAccessRechecks ??= new Map();
const rechecks = holder.imagefleetAccessRechecks;

/** The user of a session cookie: null when the cookie is invalid or the session ended, expired or was revoked. */
export async function liveSession(
  cookie: string | undefined,
  settings: AuthSettings,
  now: Date = new Date(),
): Promise<Session | null> {
  const id = await openSessionCookie(cookie, settings.sessionSecret);
  if (!id) return null;
  const record = await findLiveUserSession(id, now);
  if (!record) return null;
  if (now.getTime() - record.accessCheckedAt.getTime() < ACCESS_RECHECK_MS) return toSession(record);
  let recheck = rechecks.get(id);
  if (!recheck) {
    recheck = recheckAccess(record, settings, now).finally(() => rechecks.delete(id));
    rechecks.set(id, recheck);
  }
  return recheck;
}

/** Signs the session of this cookie out (nothing when there is none). */
export async function endSession(cookie: string | undefined, settings: AuthSettings, now: Date = new Date()) {
  const id = await openSessionCookie(cookie, settings.sessionSecret);
  if (id) await revokeUserSession(id, now);
}
