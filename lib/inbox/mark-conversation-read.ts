import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";

/** The shared inbox has one unread counter per conversation: whoever reads it clears it for the team. */
export async function markConversationRead(ctx: OrgContext, conversationId: string) {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.reply", (c) =>
    c.unreadCount === 0 && c.agentLastSeenAt ? null : { set: { unreadCount: 0, agentLastSeenAt: new Date() } },
  );
  return conversation;
}
