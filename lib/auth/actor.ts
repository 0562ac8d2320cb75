import { and, eq, isNull } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getDb } from "@/db";
import { apiKeys, type Role } from "@/db/schema";
import { unauthorized } from "@/lib/errors";
import { hashToken } from "@/lib/crypto/tokens";
import { findUserById } from "@/lib/users/find-user-by-id";
import { authOptions } from "./auth-options";

/** Who is calling: a signed-in person, or an API key acting for one organization with a fixed role. */
export type Actor =
  | { type: "user"; userId: string }
  | { type: "apiKey"; apiKeyId: string; organizationId: string; role: Role };

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
  const userId = await sessionUserId();
  return userId ? { type: "user", userId } : null;
}

export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  // The JWT outlives deletions: make sure the person still exists.
  const user = await findUserById(id);
  return user ? user.id : null;
}

async function apiKeyActor(token: string): Promise<Actor> {
  const db = getDb();
  const [key] = await db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId, role: apiKeys.role })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(token)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw unauthorized();
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id));
  return { type: "apiKey", apiKeyId: key.id, organizationId: key.organizationId, role: key.role };
}
