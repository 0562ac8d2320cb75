import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { departmentMembers, memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError, forbidden } from "@/lib/errors";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { countOwners, getMembershipOrThrow } from "./get-membership-or-throw";

export async function removeMember(ctx: OrgContext, membershipId: string): Promise<void> {
  const removed = await getDb().transaction(async (tx) => {
    const member = await getMembershipOrThrow(tx, ctx.org.id, membershipId);
    if (member.role === "owner") {
      if (!ctx.can("members.manageOwners")) throw forbidden("Only owners can remove an owner");
      if ((await countOwners(tx, ctx.org.id)) <= 1) throw new AppError("conflict", "An organization needs at least one owner");
    }
    await tx
      .delete(departmentMembers)
      .where(and(eq(departmentMembers.organizationId, ctx.org.id), eq(departmentMembers.userId, member.userId)));
    await tx.delete(memberships).where(eq(memberships.id, member.id));
    await recordAudit(tx, ctx, {
      action: "member.removed",
      targetType: "membership",
      targetId: member.id,
      metadata: { email: member.email, role: member.role },
    });
    return member;
  });
  // After the commit: the removed person's open sockets stop receiving the organization's events at once (their
  // HTTP requests already get 404 from the guard, which reads the membership on every request).
  disconnectSockets({ organizationId: ctx.org.id, userId: removed.userId });
}
