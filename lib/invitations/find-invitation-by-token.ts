import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { getDb } from "@/db";
import { invitations, organizations, type Invitation, type Organization } from "@/db/schema";
import { hashToken } from "@/lib/crypto/tokens";

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export async function findInvitationByToken(
  token: string,
  db: Db | Tx = getDb(),
): Promise<{ invitation: Invitation; organization: Organization; state: InvitationState } | undefined> {
  const [row] = await db
    .select({ invitation: invitations, organization: organizations })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.organization.deletedAt) return undefined;
  return { ...row, state: invitationState(row.invitation) };
}

export function invitationState(invitation: Invitation, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}
