import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";

/**
 * Bot on/off. `human` takes the conversation over from the bot (the flow engine must stay quiet while the owner is
 * `human`); `bot` hands it back to the flows.
 */
export async function setConversationOwner(ctx: OrgContext, conversationId: string, owner: "human" | "bot") {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.manage", (c) =>
    c.owner === owner
      ? null
      : {
          set: { owner },
          event: { kind: "bot_changed", data: { from: c.owner, to: owner } },
          audit: { action: "conversation.owner", targetType: "conversation", targetId: conversationId, metadata: { from: c.owner, to: owner } },
        },
  );
  return conversation;
}
