import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, contactTags, conversations, tags } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { previouslyErasedAt } from "@/lib/contacts/previously-erased-at";

export type ContactPanel = Awaited<ReturnType<typeof getContactPanel>>;

/** The contact side panel: fields, tags, opt-in, block state and the contact's previous conversations. */
export async function getContactPanel(organizationId: string, contactId: string) {
  const db = getDb();
  const [c] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!c) throw notFound("Contact");
  const [tagRows, history] = await Promise.all([
    db
      .select({ id: tags.id, name: tags.name, color: tags.color })
      .from(contactTags)
      .innerJoin(tags, and(eq(tags.id, contactTags.tagId), isNull(tags.deletedAt)))
      .where(and(eq(contactTags.organizationId, organizationId), eq(contactTags.contactId, contactId)))
      .orderBy(tags.name),
    db
      .select({
        id: conversations.id,
        status: conversations.status,
        lastMessageAt: conversations.lastMessageAt,
        lastMessagePreview: conversations.lastMessagePreview,
        createdAt: conversations.createdAt,
        closedAt: conversations.closedAt,
      })
      .from(conversations)
      .where(and(eq(conversations.organizationId, organizationId), eq(conversations.contactId, contactId)))
      .orderBy(desc(conversations.createdAt))
      .limit(20),
  ]);
  return {
    contact: {
      id: c.id,
      name: c.name,
      profileName: c.profileName,
      phoneE164: c.phoneE164,
      waId: c.waId,
      userId: c.userId,
      email: c.email,
      lifecycleStageId: c.lifecycleStageId,
      erasedAt: c.erasedAt?.toISOString() ?? null,
      /** An erased contact had this person's identity: shown so an erased person never comes back silently. */
      previouslyErasedAt: c.erasedAt ? null : await previouslyErasedAt(organizationId, c),
      channelId: c.channelId,
      attributes: c.attributes,
      optIn: c.optIn,
      blocked: c.blocked,
      botEnabled: c.botEnabled,
      tags: tagRows,
      createdAt: c.createdAt.toISOString(),
      lastInboundAt: c.lastInboundAt?.toISOString() ?? null,
    },
    conversations: history.map((h) => ({
      ...h,
      lastMessageAt: h.lastMessageAt?.toISOString() ?? null,
      createdAt: h.createdAt.toISOString(),
      closedAt: h.closedAt?.toISOString() ?? null,
    })),
  };
}
