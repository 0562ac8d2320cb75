import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { invitations, memberships, roleEnum, users, type Invitation } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { AppError, conflict } from "@/lib/errors";
import { assertCanGrantRole } from "@/lib/members/assert-can-grant-role";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const createInvitationInput = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  role: z.enum(roleEnum.enumValues),
});

/**
 * Invites a person by email. No mail server is assumed, so the link is returned to the inviter to pass on; only
 * its hash is stored. A new invitation to the same address replaces the pending one.
 */
export async function createInvitation(
  ctx: OrgContext,
  input: z.infer<typeof createInvitationInput>,
  origin: string,
): Promise<{ invitation: Invitation; url: string }> {
  assertCanGrantRole(ctx, input.role);
  const db = getDb();
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.org.id), eq(users.email, input.email)))
    .limit(1);
  if (member) throw conflict("This person is already a member", "email");
  const count = await db.$count(memberships, eq(memberships.organizationId, ctx.org.id));
  if (count >= ctx.org.limits.members) throw new AppError("forbidden", "Your plan's member limit is reached");

  const token = randomToken("inv_");
  const invitation = await db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organizationId, ctx.org.id),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.org.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "member.invited",
      targetType: "invitation",
      targetId: row.id,
      metadata: { email: row.email, role: row.role },
    });
    return row;
  });
  return { invitation, url: `${origin}/invite/${token}` };
}
