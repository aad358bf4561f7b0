// Who is signed in. The session lives in the database (lib/auth/session-store.ts); the browser's
// cookie holds only its id, encrypted, for `auth.sessionHours`.
import { z } from "zod";
import { openToken, sealToken } from "./sealed-token";

export const ROLES = ["viewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const sessionSchema = z.object({
  sub: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  role: z.enum(ROLES),
  /** Present when a group restriction applies: only these accounts / teams are visible. */
  accounts: z.array(z.string()).optional(),
  teams: z.array(z.string()).optional(),
  /** Seconds since the epoch: when the session ends. */
  exp: z.number(),
});

export type Session = z.infer<typeof sessionSchema>;
export type SessionClaims = Omit<Session, "exp">;

export const SESSION_COOKIE = "imagefleet_session";

const sessionCookieSchema = z.object({ sid: z.string().min(32) });

export function sealSessionCookie(sid: string, options: { secret: string; expiresAt: Date }): Promise<string> {
  return sealToken({ sid }, { secret: options.secret, purpose: "session", expiresAt: options.expiresAt });
}

/** The session id in an intact, unexpired cookie; else null. */
export async function openSessionCookie(token: string | undefined, secret: string): Promise<string | null> {
  if (!token) return null;
  return (await openToken(token, sessionCookieSchema, { secret, purpose: "session" }))?.sid ?? null;
}
