import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, users, type Message } from "@/db/schema";
import { toMessageItem } from "@/lib/inbox/timeline-item";
import { publishInboxEvent } from "./publish-inbox-event";
import { log } from "@/lib/log/logger";

/**
 * Pushes a message as it is now (created, or a status/wamid/failure change). Never throws, like
 * publishConversationChanged: the message is already stored.
 */
export async function publishMessageChanged(
  organizationId: string,
  messageId: string,
  type: "message.created" | "message.updated" = "message.updated",
): Promise<void> {
  try {
    const [row] = await getDb()
      .select({ m: messages, name: users.name })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.senderUserId))
      .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)));
    if (!row) return;
    await publishMessageRow(row.m, row.name, type);
  } catch (err) {
    log.error({ err }, `realtime: could not publish ${type} for message ${messageId}`);
  }
}

/** The same push for a caller that already holds the row (and its sender's name): no second read. */
export async function publishMessageRow(m: Message, senderName: string | null, type: "message.created" | "message.updated"): Promise<void> {
  await publishInboxEvent({ organizationId: m.organizationId, conversationId: m.conversationId, type, payload: toMessageItem(m, senderName) });
}
