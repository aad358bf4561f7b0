// Signed-in sessions (the UserSession table): created at sign-in, read on every request,
// revoked at sign-out or by an administrator for everyone.
import { type Db, db as defaultDb } from "../client";

export interface UserSessionRecord {
  id: string;
  sub: string;
  name: string;
  email: string | null;
  role: string;
  accounts: string | null;
  teams: string | null;
  providerTokens: string | null;
  createdAt: Date;
  expiresAt: Date;
  accessCheckedAt: Date;
  revokedAt: Date | null;
}

/** Records a new session, and lets rows of sessions that have ended by age go. */
export async function createUserSession(record: Omit<UserSessionRecord, "revokedAt">, db: Db = defaultDb) {
  await db.userSession.create({ data: record });
  await db.userSession.deleteMany({ where: { expiresAt: { lte: record.createdAt } } });
}

/** The session when it exists, is not revoked and has not expired; else null. */
export async function findLiveUserSession(
  id: string,
  now: Date,
  db: Db = defaultDb,
): Promise<UserSessionRecord | null> {
  return db.userSession.findFirst({ where: { id, revokedAt: null, expiresAt: { gt: now } } });
}

/** New claims and tokens after re-reading the user's groups; false when it was revoked meanwhile. */
export async function updateUserSessionAccess(
  id: string,
  change: Pick<
    UserSessionRecord,
    "name" | "email" | "role" | "accounts" | "teams" | "providerTokens" | "accessCheckedAt"
  >,
  db: Db = defaultDb,
): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id, revokedAt: null }, data: change });
  return count === 1;
}

export async function revokeUserSession(id: string, at: Date, db: Db = defaultDb): Promise<void> {
  await db.userSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
}

/** Signs everyone out; returns how many live sessions ended. Expired rows go at the same time. */
export async function revokeAllUserSessions(at: Date, db: Db = defaultDb): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { revokedAt: null, expiresAt: { gt: at } },
    data: { revokedAt: at },
  });
  await db.userSession.deleteMany({ where: { expiresAt: { lte: at } } });
  return count;
}
