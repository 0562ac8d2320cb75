import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanEditContact } from "@/lib/contacts/assert-can-edit-contact";
import type { UpdateContactInput } from "@/lib/contacts/contact-input";
import { validateAttributes } from "@/lib/contacts/custom-field-values";
import { assertStage } from "@/lib/contacts/lifecycle-stages";
import { conflict, notFound } from "@/lib/errors";
import { publishConversationChanged } from "@/lib/realtime/publish-conversation-changed";
import { getContactPanel } from "./get-contact-panel";

export type ContactUpdate = UpdateContactInput;

/**
 * Edit the name agents see, e-mail, stage, block/unblock, bot on/off and custom fields (validated against the
 * organization's definitions); audited (a block or unblock under its own action); the contact's live conversations
 * are pushed again. The agent rule applies (lib/contacts/assert-can-edit-contact.ts).
 */
export async function updateContact(ctx: OrgContext, contactId: string, input: ContactUpdate) {
  const orgId = ctx.org.id;
  await getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: contacts.id, blocked: contacts.blocked, erasedAt: contacts.erasedAt })
      .from(contacts)
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, contactId), isNull(contacts.deletedAt)))
      .for("update");
    if (!current) throw notFound("Contact");
    await assertCanEditContact(tx, ctx, contactId);
    if (current.erasedAt && (input.name || input.email || (input.attributes && Object.keys(input.attributes).length))) {
      throw conflict("This contact was erased: its personal data cannot be filled in again");
    }
    if (input.lifecycleStageId) await assertStage(tx, orgId, input.lifecycleStageId);
    const attributes = input.attributes !== undefined ? await validateAttributes(tx, orgId, input.attributes) : undefined;
    await tx
      .update(contacts)
      .set({
        ...(input.name !== undefined && { name: input.name?.trim() || null }),
        ...(input.email !== undefined && { email: input.email?.trim().toLowerCase() || null }),
        ...(input.blocked !== undefined && { blocked: input.blocked }),
        ...(input.botEnabled !== undefined && { botEnabled: input.botEnabled }),
        ...(input.lifecycleStageId !== undefined && { lifecycleStageId: input.lifecycleStageId }),
        ...(attributes !== undefined && { attributes }),
      })
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, contactId)));
    const { blocked, ...rest } = input;
    if (blocked !== undefined && blocked !== current.blocked) {
      await recordAudit(tx, ctx, { action: blocked ? "contact.block" : "contact.unblock", targetType: "contact", targetId: contactId });
    }
    if (Object.keys(rest).length) await recordAudit(tx, ctx, { action: "contact.update", targetType: "contact", targetId: contactId, metadata: { ...rest } });
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
