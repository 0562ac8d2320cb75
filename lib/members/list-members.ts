import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, users } from "@/db/schema";

export async function listMembers(organizationId: string) {
  return getDb()
    .select({
      id: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
}
