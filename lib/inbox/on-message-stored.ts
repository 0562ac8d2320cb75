import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messages, users } from "@/db/schema";
import { publishConversationChanged } from "@/lib/realtime/publish-conversation-changed";
import { publishMessageRow } from "@/lib/realtime/publish-message-changed";
import { messagePreview } from "./message-preview";
import { log } from "@/lib/log/logger";

/**
 * Call once after a NEW message row has committed (inbound from a webhook, outbound when queued): an outbound
 * message moves the conversation's preview and activity time (inbound ones did that in their own transaction, see
 * inboundActivity), then `message.created` and `conversation.created|updated` are pushed. Never throws: the message
 * is stored, and the push is best effort (clients catch up).
 */
export async function onMessageStored(organizationId: string, messageId: string): Promise<void> {
  try {
    const db = getDb();
    // One read serves the preview update and the push (the sender's name is part of the pushed item).
    const [row] = await db
      .select({ m: messages, senderName: users.name, blocked: contacts.blocked })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.senderUserId))
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)));
    if (!row) return;
    const m = row.m;
    // A blocked contact's message is stored for the record, but nobody is notified (issue #12).
    if (m.direction === "inbound" && row.blocked) return;
    if (m.direction === "outbound" && m.type !== "reaction") {
      await db
        .update(conversations)
        .set({
          lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${m.createdAt.toISOString()}::timestamptz)`,
          lastMessagePreview: messagePreview(m.type, m.content),
          lastMessageDirection: "outbound",
        })
        .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, m.conversationId)));
    }
    // The conversation's first message means the conversation is new to the inbox.
    const firstTwo = await db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.organizationId, organizationId), eq(messages.conversationId, m.conversationId)))
      .limit(2);
    await publishMessageRow(m, row.senderName, "message.created");
    await publishConversationChanged(organizationId, m.conversationId, firstTwo.length === 1 ? "conversation.created" : "conversation.updated");
  } catch (err) {
    log.error({ err }, `inbox: could not record message ${messageId}`);
  }
}
