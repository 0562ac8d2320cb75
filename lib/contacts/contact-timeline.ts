import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, contactConsentEvents, contacts, conversationEvents, conversations, users } from "@/db/schema";
import { notFound } from "@/lib/errors";

export type TimelineEntry = { at: string; kind: string; detail: Record<string, unknown>; actorName: string | null };

/**
 * What happened to a contact, newest first: conversations opened and closed, their inbox events (assignments,
 * handoffs, tags, notes), consent changes, and the contact's audit entries (edits, block, merge, erase). A contact
 * merged across channels (`person_id`, lib/contacts/merge-contacts.ts) shows the whole person: every linked
 * contact's conversations (each entry says its channel), consent and audit entries.
 */
export async function contactTimeline(organizationId: string, contactId: string, limit = 100): Promise<TimelineEntry[]> {
  const db = getDb();
  const [contact] = await db
    .select({ id: contacts.id, personId: contacts.personId })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!contact) throw notFound("Contact");
  const person = contact.personId
    ? (await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.organizationId, organizationId), eq(contacts.personId, contact.personId), isNull(contacts.deletedAt)))).map((c) => c.id)
    : [contactId];
  const convs = await db
    .select({ id: conversations.id, channelId: conversations.channelId, contactId: conversations.contactId, createdAt: conversations.createdAt, closedAt: conversations.closedAt })
    .from(conversations)
    .where(and(eq(conversations.organizationId, organizationId), inArray(conversations.contactId, person)));
  const ids = convs.map((c) => c.id);
  const [events, consent, audit] = await Promise.all([
    ids.length
      ? db
          .select({ e: conversationEvents, actorName: users.name })
          .from(conversationEvents)
          .leftJoin(users, eq(users.id, conversationEvents.actorUserId))
          .where(and(eq(conversationEvents.organizationId, organizationId), inArray(conversationEvents.conversationId, ids)))
          .orderBy(desc(conversationEvents.createdAt))
          .limit(limit)
      : Promise.resolve([]),
    db
      .select({ e: contactConsentEvents, actorName: users.name })
      .from(contactConsentEvents)
      .leftJoin(users, eq(users.id, contactConsentEvents.actorUserId))
      .where(and(eq(contactConsentEvents.organizationId, organizationId), inArray(contactConsentEvents.contactId, person)))
      .orderBy(desc(contactConsentEvents.createdAt))
      .limit(limit),
    db
      .select({ a: auditLog, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.targetType, "contact"), inArray(auditLog.targetId, person)))
      .orderBy(desc(auditLog.createdAt))
      .limit(limit),
  ]);
  const entries: TimelineEntry[] = [
    ...convs.map((c) => ({ at: c.createdAt.toISOString(), kind: "conversation.opened", detail: { conversationId: c.id, channelId: c.channelId, contactId: c.contactId }, actorName: null })),
    ...convs.flatMap((c) => (c.closedAt ? [{ at: c.closedAt.toISOString(), kind: "conversation.closed", detail: { conversationId: c.id }, actorName: null }] : [])),
    ...events.map(({ e, actorName }) => ({ at: e.createdAt.toISOString(), kind: `conversation.${e.kind}`, detail: { conversationId: e.conversationId, ...(e.body ? { body: e.body } : {}) }, actorName })),
    ...consent.map(({ e, actorName }) => ({ at: e.createdAt.toISOString(), kind: `consent.${e.state}`, detail: { source: e.source }, actorName })),
    ...audit.map(({ a, actorName }) => ({ at: a.createdAt.toISOString(), kind: a.action, detail: a.metadata, actorName })),
  ];
  return entries.sort((x, y) => y.at.localeCompare(x.at)).slice(0, limit);
}
