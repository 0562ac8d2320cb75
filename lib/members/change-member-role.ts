import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { memberships, roleEnum } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { assertCanGrantRole } from "./assert-can-grant-role";
import { countOwners, getMembershipOrThrow } from "./get-membership-or-throw";

export const changeMemberRoleInput = z.object({ role: z.enum(roleEnum.enumValues) });

export async function changeMemberRole(ctx: OrgContext, membershipId: string, role: z.infer<typeof changeMemberRoleInput>["role"]) {
  const updated = await getDb().transaction(async (tx) => {
    const member = await getMembershipOrThrow(tx, ctx.org.id, membershipId);
    assertCanGrantRole(ctx, role);
    if (member.role === "owner") {
      assertCanGrantRole(ctx, "owner");
      if (role !== "owner" && (await countOwners(tx, ctx.org.id)) <= 1) {
        throw new AppError("conflict", "An organization needs at least one owner");
      }
    }
    const [updated] = await tx.update(memberships).set({ role }).where(eq(memberships.id, member.id)).returning();
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      targetType: "membership",
      targetId: member.id,
      metadata: { email: member.email, from: member.role, to: role },
    });
    return updated;
  });
  // Sockets hold what the role allowed at their handshake: close them, the browser reconnects with the new role.
  disconnectSockets({ organizationId: ctx.org.id, userId: updated.userId });
  return updated;
}
