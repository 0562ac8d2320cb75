import type { OrgContext } from "@/lib/auth/org-context";
import { canAct } from "./assert-can-act";
import { getContactPanel } from "./get-contact-panel";
import { getConversationItem } from "./get-conversation-item";

/** The conversation view: the list item, the contact panel, and what this caller may do on this conversation. */
export async function getConversationDetail(ctx: OrgContext, conversationId: string) {
  const conversation = await getConversationItem(ctx.org.id, conversationId);
  const panel = await getContactPanel(ctx.org.id, conversation.contact.id);
  const c = { assigneeId: conversation.assigneeId };
  return {
    conversation: { ...conversation, contactPanel: panel.contact },
    previousConversations: panel.conversations.filter((p) => p.id !== conversationId),
    can: {
      reply: canAct(ctx, c, "conversations.reply"),
      assign: canAct(ctx, c, "conversations.assign"),
      manage: canAct(ctx, c, "conversations.manage"),
      note: canAct(ctx, c, "notes.write"),
    },
  };
}
