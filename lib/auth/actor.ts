import { and, eq, isNull } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getDb } from "@/db";
import { apiKeys, type Role } from "@/db/schema";
import { AppError, unauthorized } from "@/lib/errors";
import { hashToken } from "@/lib/crypto/tokens";
import { authOptions } from "./auth-options";
import { findSessionUser } from "./user-sessions";

/** Who is calling: a signed-in person, or an API key acting for one organization with a fixed role. */
export type Actor =
  | { type: "user"; userId: string; sessionId?: string }
  | { type: "apiKey"; apiKeyId: string; organizationId: string; role: Role; scopes?: string[] | null };

/**
 * A Bearer header means an API key and nothing else: a bad key is refused rather than falling back to a cookie,
 * so scripts fail loudly instead of acting as whoever is signed in in the same browser.
 */
export async function resolveActor(req?: Request): Promise<Actor | null> {
  const authorization = req?.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized();
    return apiKeyActor(match[1]);
  }
  const session = await currentSession();
  return session ? { type: "user", userId: session.userId, sessionId: session.sessionId } : null;
}

export async function sessionUserId(): Promise<string | null> {
  return (await currentSession())?.userId ?? null;
}

/**
 * The signed-in person and their session id. The JWT outlives deletions, sign-outs and password changes: the
 * session row is checked on every call, so a revoked session is refused at once.
 */
export async function currentSession(): Promise<{ userId: string; sessionId: string } | null> {
  const session = await getServerSession(authOptions());
  const { id, sid } = (session?.user as { id?: string; sid?: string } | undefined) ?? {};
  if (!id || !sid) return null;
  const user = await findSessionUser(id, sid);
  return user ? { userId: user.id, sessionId: sid } : null;
}

async function apiKeyActor(token: string): Promise<Actor> {
  const db = getDb();
  const [key] = await db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId, role: apiKeys.role, scopes: apiKeys.scopes, expiresAt: apiKeys.expiresAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(token)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw unauthorized();
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
    throw new AppError("api_key_expired", `This API key expired on ${key.expiresAt.toISOString()}: create a new one in Settings → API keys`);
  }
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id));
  return { type: "apiKey", apiKeyId: key.id, organizationId: key.organizationId, role: key.role, scopes: key.scopes };
}
