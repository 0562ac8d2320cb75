import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, organizations, userSessions } from "@/db/schema";

/** One query: the socket's session is not revoked and its person is still a member of a live organization. */
export async function isStillMember(input: { organizationId: string; userId: string; sessionId: string }): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(userSessions, eq(userSessions.userId, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, input.organizationId),
        eq(memberships.userId, input.userId),
        isNull(organizations.deletedAt),
        eq(userSessions.id, input.sessionId),
        isNull(userSessions.revokedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}
