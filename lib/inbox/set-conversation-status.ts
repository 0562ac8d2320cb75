import type { Conversation } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";

/** Close, reopen, or park as pending. Closing stamps closed_at (the reopen rule of the inbound side reads it). */
export async function setConversationStatus(ctx: OrgContext, conversationId: string, status: Conversation["status"]) {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.manage", (c) =>
    c.status === status
      ? null
      : {
          set: { status, closedAt: status === "closed" ? new Date() : null },
          event: { kind: "status_changed", data: { from: c.status, to: status } },
          audit: { action: "conversation.status", targetType: "conversation", targetId: conversationId, metadata: { from: c.status, to: status } },
        },
  );
  return conversation;
}
