import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";

export async function revokeInvitation(ctx: OrgContext, invitationId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.organizationId, ctx.org.id), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw notFound("Invitation");
    await recordAudit(tx, ctx, { action: "invitation.revoked", targetType: "invitation", targetId: row.id, metadata: { email: row.email } });
  });
}
