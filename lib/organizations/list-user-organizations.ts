import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, organizations, type Role } from "@/db/schema";

export type UserOrganization = { id: string; name: string; slug: string; role: Role };

export async function listUserOrganizations(userId: string): Promise<UserOrganization[]> {
  return getDb()
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(organizations.deletedAt)))
    .orderBy(asc(organizations.name));
}
