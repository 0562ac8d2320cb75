import type { Conversation } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";

export async function setConversationPriority(ctx: OrgContext, conversationId: string, priority: Conversation["priority"]) {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.manage", (c) =>
    c.priority === priority
      ? null
      : {
          set: { priority },
          event: { kind: "priority_changed", data: { from: c.priority, to: priority } },
          audit: { action: "conversation.priority", targetType: "conversation", targetId: conversationId, metadata: { from: c.priority, to: priority } },
        },
  );
  return conversation;
}
