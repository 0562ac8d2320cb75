import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, organizations, users, type Membership, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict, notFound } from "@/lib/errors";

/**
 * Makes an existing user a member of an organization with `role`, without an invitation. For operators (the CLI),
 * so no permission check: whoever can run this already holds the database. Same member limit as invitations.
 */
export async function addMember(organizationId: string, userId: string, role: Role): Promise<Membership> {
  return getDb().transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, organizationId), isNull(organizations.deletedAt)))
      .limit(1);
    if (!org) throw notFound("Organization");
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .limit(1);
    if (!user) throw notFound("User");

    const count = await tx.$count(memberships, eq(memberships.organizationId, org.id));
    if (count >= org.limits.members) throw new AppError("forbidden", "The organization's member limit is reached");

    // ON CONFLICT instead of check-then-insert: a concurrent add ends in the same clear conflict, not a 23505.
    const [membership] = await tx
      .insert(memberships)
      .values({ organizationId: org.id, userId: user.id, role })
      .onConflictDoNothing({ target: [memberships.organizationId, memberships.userId] })
      .returning();
    if (!membership) throw conflict(`${user.email} is already a member of ${org.slug}`, "email");

    // The audit log knows only people and API keys as actors, and an operator at a shell is neither. The added
    // member is recorded as the actor (as when someone accepts an invitation); `via: "cli"` tells the two apart.
    await recordAudit(tx, { org, actor: { type: "user", userId: user.id } }, {
      action: "member.added",
      targetType: "membership",
      targetId: membership.id,
      metadata: { email: user.email, role, via: "cli" },
    });
    return membership;
  });
}
