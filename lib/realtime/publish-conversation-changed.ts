import { getConversationItem } from "@/lib/inbox/get-conversation-item";
import { publishInboxEvent } from "./publish-inbox-event";
import { log } from "@/lib/log/logger";

/**
 * Pushes the conversation as it is now (a full list item, so clients replace by id). Safe to call from any write
 * path after its commit: it never throws — the change is already stored, a lost push is caught up by `sync`
 * or the next load, and a realtime hiccup must not fail (and re-run) a webhook or a send.
 */
export async function publishConversationChanged(
  organizationId: string,
  conversationId: string,
  type: "conversation.created" | "conversation.updated" = "conversation.updated",
): Promise<void> {
  try {
    const item = await getConversationItem(organizationId, conversationId);
    await publishInboxEvent({ organizationId, conversationId, type, payload: item });
  } catch (err) {
    log.error({ err }, `realtime: could not publish ${type} for ${conversationId}`);
  }
}
