import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { contactConsentEvents, contactTags, contacts, conversations, flowSessions, type Contact } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict, notFound } from "@/lib/errors";
import { getContactPanel } from "@/lib/inbox/get-contact-panel";
import { recordConsentChange } from "./record-consent-change";

/**
 * Two contacts that are one person become the target, in one transaction, audited: the source's conversations
 * (with their messages), flow sessions and consent history move to the target; tags are unioned; attributes are
 * merged with the target's values winning; empty fields of the target (name, e-mail, stage, identities) are filled
 * from the source; the stricter consent wins (opted out on either side stays opted out) and a block on either side
 * stays. The source is soft-deleted with `mergedInto`.
 *
 * Contacts of DIFFERENT channels (two numbers, or one number on two business lines) cannot become one row: a contact
 * belongs to one business number, and so does each conversation — a reply can only leave through the number the
 * customer wrote to, and the next message on the source's channel must still find its contact. So they are linked
 * as one person instead (linkAcrossChannels): both rows and both histories stay.
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
    if (target.erasedAt || source.erasedAt) throw conflict("An erased contact cannot be merged", "sourceContactId");
    if (target.channelId !== source.channelId) return linkAcrossChannels(tx, ctx, target, source);

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
    const result = { conversations: convs.length, linked: false };
    await recordAudit(tx, ctx, { action: "contact.merge", targetType: "contact", targetId, metadata: { sourceContactId: sourceId, ...result } });
    await recordAudit(tx, ctx, { action: "contact.merged_into", targetType: "contact", targetId: sourceId, metadata: { targetContactId: targetId } });
    return result;
  });
  return { ...(await getContactPanel(orgId, targetId)), merged: moved };
}

/**
 * The cross-channel merge: both contacts (and any contacts either was linked to before) share one `person_id`;
 * each keeps its conversations, which stay on their channel and are answered from it; the timeline of either shows
 * the whole person. The target's empty fields are filled from the source and tags are unioned on both. A marketing
 * opt-out or a block on either side applies to both — they are one person — and the opt-out is written as consent
 * history of the contact that changes (source agent, evidence: the merge).
 */
async function linkAcrossChannels(tx: Tx, ctx: OrgContext, target: Contact, source: Contact) {
  const orgId = ctx.org.id;
  const personId = target.personId ?? source.personId ?? target.id;
  const groups = [target.personId, source.personId].filter((p): p is string => !!p);
  await tx
    .update(contacts)
    .set({ personId })
    .where(and(eq(contacts.organizationId, orgId), or(inArray(contacts.id, [target.id, source.id]), groups.length ? inArray(contacts.personId, groups) : undefined)));
  const filled = mergedFields(target, source);
  await tx
    .update(contacts)
    .set({ name: filled.name, email: filled.email, lifecycleStageId: filled.lifecycleStageId, attributes: filled.attributes, blocked: filled.blocked })
    .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, target.id)));
  if (filled.blocked && !source.blocked) await tx.update(contacts).set({ blocked: true }).where(and(eq(contacts.organizationId, orgId), eq(contacts.id, source.id)));
  for (const [from, to] of [[target, source], [source, target]] as const) {
    await tx.execute(sql`
      insert into ${contactTags} (organization_id, contact_id, tag_id)
      select organization_id, ${to.id}::uuid, tag_id from ${contactTags} where organization_id = ${orgId}::uuid and contact_id = ${from.id}::uuid
      on conflict do nothing`);
    if (from.optIn === "opted_out" && to.optIn !== "opted_out") {
      await recordConsentChange(tx, {
        organizationId: orgId,
        contactId: to.id,
        state: "opted_out",
        source: "agent",
        evidence: { reason: "merged_across_channels", optedOutContactId: from.id },
        actorUserId: ctx.userId,
        actorApiKeyId: ctx.actor.type === "apiKey" ? ctx.actor.apiKeyId : null,
      });
    }
  }
  const result = { conversations: 0, linked: true, personId };
  await recordAudit(tx, ctx, { action: "contact.merge", targetType: "contact", targetId: target.id, metadata: { sourceContactId: source.id, ...result } });
  await recordAudit(tx, ctx, { action: "contact.linked_to", targetType: "contact", targetId: source.id, metadata: { targetContactId: target.id, personId } });
  return result;
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
