import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messages, users, type Message } from "@/db/schema";
import { publishInboxEvents } from "@/lib/realtime/publish-inbox-events";
import { toMessageItem } from "./timeline-item";
import { getConversationItem } from "./get-conversation-item";
import { messagePreview } from "./message-preview";
import { log } from "@/lib/log/logger";

/** What the caller already knows, so the push does not read it again (each saves a statement). */
export type StoredMessageKnown = {
  /** The row as committed, with its sender's name (null for a contact or the bot). */
  row?: { m: Message; senderName: string | null };
  /** Whether the message's conversation was created with it (the inbox then gets `conversation.created`). */
  conversationCreated?: boolean;
  /** The outbound preview/activity update already committed with the message (in its own transaction). */
  activityApplied?: boolean;
  /** Whether the sender of an inbound message is blocked (ingest has the contact in hand). */
  contactBlocked?: boolean;
};

/**
 * Call once after a NEW message row has committed (inbound from a webhook, outbound when queued): an outbound
 * message moves the conversation's preview and activity time (inbound ones did that in their own transaction, see
 * inboundActivity), then `message.created` and `conversation.created|updated` are pushed (one insert for both).
 * Never throws: the message is stored, and the push is best effort (clients catch up).
 */
export async function onMessageStored(organizationId: string, messageId: string, known: StoredMessageKnown = {}): Promise<void> {
  try {
    const db = getDb();
    // One read serves the preview update and the push (the sender's name is part of the pushed item).
    const row =
      known.row ??
      (
        await db
          .select({ m: messages, senderName: users.name })
          .from(messages)
          .leftJoin(users, eq(users.id, messages.senderUserId))
          .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)))
      )[0];
    if (!row) return;
    const m = row.m;
    // A blocked contact's message is stored for the record, but nobody is notified (issue #12).
    if (m.direction === "inbound" && (known.contactBlocked ?? (await fromBlockedContact(organizationId, m.conversationId)))) return;
    if (m.direction === "outbound" && m.type !== "reaction" && !known.activityApplied) {
      await db
        .update(conversations)
        .set(outboundActivity(m))
        .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, m.conversationId)));
    }
    // The conversation's first message means the conversation is new to the inbox.
    const created =
      known.conversationCreated ??
      (
        await db
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.organizationId, organizationId), eq(messages.conversationId, m.conversationId)))
          .limit(2)
      ).length === 1;
    let conversation: Record<string, unknown> | null = null;
    try {
      conversation = await getConversationItem(organizationId, m.conversationId);
    } catch (err) {
      log.error({ err }, `realtime: could not read conversation ${m.conversationId} to push it`);
    }
    await publishInboxEvents([
      { organizationId, conversationId: m.conversationId, type: "message.created", payload: toMessageItem(m, row.senderName) },
      ...(conversation
        ? [{ organizationId, conversationId: m.conversationId, type: created ? ("conversation.created" as const) : ("conversation.updated" as const), payload: conversation }]
        : []),
    ]);
  } catch (err) {
    log.error({ err }, `inbox: could not record message ${messageId}`);
  }
}

/** The conversation columns an outbound message moves (preview, activity time): for a caller's own transaction. */
export function outboundActivity(m: Pick<Message, "createdAt" | "type" | "content">) {
  return {
    lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${m.createdAt.toISOString()}::timestamptz)`,
    lastMessagePreview: messagePreview(m.type, m.content),
    lastMessageDirection: "outbound" as const,
  };
}

async function fromBlockedContact(organizationId: string, conversationId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ blocked: contacts.blocked })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId)));
  return row?.blocked ?? false;
}
