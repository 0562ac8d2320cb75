import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contactConsentEvents, contactTags, contacts, conversations, flowSessions, type Contact } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict, notFound } from "@/lib/errors";
import { getContactPanel } from "@/lib/inbox/get-contact-panel";

/**
 * Two contacts that are one person become the target, in one transaction, audited: the source's conversations
 * (with their messages), flow sessions and consent history move to the target; tags are unioned; attributes are
 * merged with the target's values winning; empty fields of the target (name, e-mail, stage, identities) are filled
 * from the source; the stricter consent wins (opted out on either side stays opted out) and a block on either side
 * stays. The source is soft-deleted with `mergedInto`. Both must be on the same channel: a contact belongs to one
 * business number, and so do its conversations.
 */
export async function mergeContacts(ctx: OrgContext, targetId: string, sourceId: string) {
  if (targetId === sourceId) throw new AppError("invalid_input", "sourceContactId: a contact cannot be merged into itself", [{ path: "sourceContactId", message: "Choose another contact" }]);
  const orgId = ctx.org.id;
  const moved = await getDb().transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.organizationId, orgId), inArray(contacts.id, [targetId, sourceId]), isNull(contacts.deletedAt)))
      .orderBy(contacts.id)
      .for("update");
    const target = rows.find((r) => r.id === targetId);
    const source = rows.find((r) => r.id === sourceId);
    if (!target) throw notFound("Contact");
    if (!source) throw new AppError("invalid_input", "sourceContactId: no such contact", [{ path: "sourceContactId", message: "No such contact" }]);
    if (target.channelId !== source.channelId) throw conflict("Only contacts of the same channel can be merged", "sourceContactId");
    if (target.erasedAt || source.erasedAt) throw conflict("An erased contact cannot be merged", "sourceContactId");

    const convs = await tx
      .update(conversations)
      .set({ contactId: targetId })
      .where(and(eq(conversations.organizationId, orgId), eq(conversations.contactId, sourceId)))
      .returning({ id: conversations.id });
    await tx.update(flowSessions).set({ contactId: targetId }).where(and(eq(flowSessions.organizationId, orgId), eq(flowSessions.contactId, sourceId)));
    await tx.update(contactConsentEvents).set({ contactId: targetId }).where(and(eq(contactConsentEvents.organizationId, orgId), eq(contactConsentEvents.contactId, sourceId)));
    await tx.execute(sql`
      insert into ${contactTags} (organization_id, contact_id, tag_id)
      select organization_id, ${targetId}::uuid, tag_id from ${contactTags} where organization_id = ${orgId}::uuid and contact_id = ${sourceId}::uuid
      on conflict do nothing`);
    await tx.delete(contactTags).where(and(eq(contactTags.organizationId, orgId), eq(contactTags.contactId, sourceId)));

    // The source's identities are released first: they are unique per channel.
    await tx
      .update(contacts)
      .set({ deletedAt: new Date(), waId: null, userId: null, attributes: sql`${contacts.attributes} || ${JSON.stringify({ mergedInto: targetId })}::jsonb` })
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, sourceId)));
    await tx.update(contacts).set(mergedFields(target, source)).where(and(eq(contacts.organizationId, orgId), eq(contacts.id, targetId)));
    const result = { conversations: convs.length };
    await recordAudit(tx, ctx, { action: "contact.merge", targetType: "contact", targetId, metadata: { sourceContactId: sourceId, ...result } });
    await recordAudit(tx, ctx, { action: "contact.merged_into", targetType: "contact", targetId: sourceId, metadata: { targetContactId: targetId } });
    return result;
  });
  return { ...(await getContactPanel(orgId, targetId)), merged: moved };
}

function mergedFields(target: Contact, source: Contact): Partial<Contact> {
  const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  return {
    name: target.name ?? source.name,
    profileName: target.profileName ?? source.profileName,
    email: target.email ?? source.email,
    waId: target.waId ?? source.waId,
    userId: target.userId ?? source.userId,
    phoneE164: target.phoneE164 ?? source.phoneE164,
    lifecycleStageId: target.lifecycleStageId ?? source.lifecycleStageId,
    attributes: { ...source.attributes, ...target.attributes },
    optIn: target.optIn === "opted_out" || source.optIn === "opted_out" ? "opted_out" : target.optIn !== "unknown" ? target.optIn : source.optIn,
    blocked: target.blocked || source.blocked,
    botEnabled: target.botEnabled && source.botEnabled,
    lastInboundAt: later(target.lastInboundAt, source.lastInboundAt),
  };
}
