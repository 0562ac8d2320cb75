import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { getDb } from "@/db";
import { invitations, memberships, type Organization, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { findUserById } from "@/lib/users/find-user-by-id";
import { findInvitationByToken } from "./find-invitation-by-token";

export async function acceptInvitation(token: string, userId: string): Promise<Organization> {
  const user = await findUserById(userId);
  if (!user) throw notFound("User");
  return getDb().transaction((tx) => acceptInvitationInTx(tx, { token, user }));
}

/** Turns a pending invitation into a membership. The invitation names an email; only that person may accept it. */
export async function acceptInvitationInTx(tx: Tx, { token, user }: { token: string; user: User }): Promise<Organization> {
  const found = await findInvitationByToken(token, tx);
  if (!found) throw notFound("Invitation");
  const { invitation, organization, state } = found;
  if (state !== "pending") throw new AppError("conflict", `This invitation is ${state}`);
  if (invitation.email !== user.email) {
    throw new AppError("forbidden", `This invitation is for ${invitation.email}; sign in with that address to accept it`);
  }
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, user.id)))
    .limit(1);
  if (!existing) {
    await tx.insert(memberships).values({ organizationId: organization.id, userId: user.id, role: invitation.role });
  }
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
  await recordAudit(tx, { org: organization, actor: { type: "user", userId: user.id } }, {
    action: "member.joined",
    targetType: "invitation",
    targetId: invitation.id,
    metadata: { email: user.email, role: invitation.role },
  });
  return organization;
}
