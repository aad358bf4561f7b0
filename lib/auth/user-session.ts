// Who is signed in: the session kept in an encrypted cookie for `auth.sessionHours`.
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
  /** Seconds since the epoch (the token's own expiry). */
  exp: z.number(),
});

export type Session = z.infer<typeof sessionSchema>;
export type SessionClaims = Omit<Session, "exp">;

export const SESSION_COOKIE = "imagefleet_session";

export function sealSession(claims: SessionClaims, options: { secret: string; hours: number; now?: Date }) {
  const expiresAt = new Date((options.now ?? new Date()).getTime() + options.hours * 3_600_000);
  return sealToken(claims, { secret: options.secret, purpose: "session", expiresAt });
}

export function openSession(token: string | undefined, secret: string): Promise<Session | null> {
  if (!token) return Promise.resolve(null);
  return openToken(token, sessionSchema, { secret, purpose: "session" });
}
