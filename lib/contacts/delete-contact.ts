import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

/**
 * Removes a contact from lists (soft delete: conversations and messages stay for the record and the counts). A
 * later message from the same number creates a new contact. Personal data removal is `eraseContact`.
 */
export async function deleteContact(ctx: OrgContext, contactId: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(contacts)
      .set({ deletedAt: new Date(), waId: null, userId: null })
      .where(and(eq(contacts.organizationId, ctx.org.id), eq(contacts.id, contactId), isNull(contacts.deletedAt)))
      .returning({ id: contacts.id });
    if (!row) throw notFound("Contact");
    await recordAudit(tx, ctx, { action: "contact.delete", targetType: "contact", targetId: contactId });
  });
}
