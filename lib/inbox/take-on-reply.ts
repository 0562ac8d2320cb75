import type { OrgContext } from "@/lib/auth/org-context";
import { changeConversation } from "./change-conversation";
import { getInboxSettings } from "./inbox-settings";
import { resolveAssignment } from "./resolve-assignment";

/**
 * The replier takes an unassigned conversation (when the organization's `replyAssigns` is on): the same change,
 * timeline event ("took the conversation") and audit entry as assigning oneself. Decided on the locked row, so two
 * agents replying at once leave it with the first; a conversation assigned meanwhile is left alone.
 */
export async function takeOnReply(ctx: OrgContext, conversationId: string): Promise<void> {
  if (!ctx.userId || !(await getInboxSettings(ctx.org.id)).replyAssigns) return;
  const userId = ctx.userId;
  await changeConversation(ctx, conversationId, "conversations.reply", async (c, tx) => {
    if (c.assigneeId) return null;
    const change = await resolveAssignment(tx, ctx.org.id, c, { assigneeId: userId });
    if (!change) return null;
    const onReply = (data?: Record<string, unknown>) => ({ ...data, onReply: true });
    return { ...change, event: change.event && { ...change.event, data: onReply(change.event.data) }, audit: change.audit && { ...change.audit, metadata: onReply(change.audit.metadata) } };
  });
}
