import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { publishConversationChanged } from "@/lib/realtime/publish-conversation-changed";
import { getContactPanel } from "./get-contact-panel";

export type ContactUpdate = { name?: string | null; blocked?: boolean; attributes?: Record<string, string> };

/** Edit the name agents see, block/unblock, set custom fields; the contact's live conversations are pushed again. */
export async function updateContact(ctx: OrgContext, contactId: string, input: ContactUpdate) {
  const orgId = ctx.org.id;
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(contacts)
      .set({
        ...(input.name !== undefined && { name: input.name?.trim() || null }),
        ...(input.blocked !== undefined && { blocked: input.blocked }),
        ...(input.attributes !== undefined && { attributes: input.attributes }),
      })
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, contactId), isNull(contacts.deletedAt)))
      .returning({ id: contacts.id });
    if (!row) throw notFound("Contact");
    await recordAudit(tx, ctx, { action: "contact.update", targetType: "contact", targetId: contactId, metadata: { ...input } });
  });
  await publishContactConversations(orgId, contactId);
  return getContactPanel(orgId, contactId);
}

export async function publishContactConversations(organizationId: string, contactId: string) {
  const live = await getDb()
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.organizationId, organizationId), eq(conversations.contactId, contactId), ne(conversations.status, "closed")));
  for (const c of live) await publishConversationChanged(organizationId, c.id);
}
