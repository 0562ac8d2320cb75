import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { memberships, users } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function getMembershipOrThrow(tx: Tx, organizationId: string, membershipId: string) {
  const [row] = await tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.id, membershipId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound("Member");
  return row;
}

/** How many owners the organization has, counted inside the caller's transaction. */
export async function countOwners(tx: Tx, organizationId: string): Promise<number> {
  return tx.$count(memberships, and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
}
