import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { userSessions, users, type User } from "@/db/schema";

/** Records a sign-in; the id goes into the JWT as `sid`. */
export async function startUserSession(userId: string): Promise<string> {
  const [row] = await getDb().insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row.id;
}

/**
 * The person behind a session token, or undefined when the session was revoked (signed out, password changed) or
 * the person deleted. Every request and socket handshake asks this, so a revocation takes effect at once.
 */
export async function findSessionUser(userId: string, sessionId: string | undefined): Promise<User | undefined> {
  // Tokens from before sessions were recorded carry no sid: they sign in again.
  if (!sessionId || !UUID.test(sessionId)) return undefined;
  const [row] = await getDb()
    .select({ user: users })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt), isNull(users.deletedAt)))
    .limit(1);
  return row?.user;
}

export async function revokeUserSession(sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await getDb().update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of the person except `keep` (the one that asked, e.g. to change the password). */
export async function revokeOtherUserSessions(userId: string, keep: string | undefined, db: Db | Tx = getDb()): Promise<void> {
  const others = keep ? ne(userSessions.id, keep) : undefined;
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), others));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
