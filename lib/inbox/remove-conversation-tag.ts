import { and, eq } from "drizzle-orm";
import { conversationTags, tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";
import { changeConversation } from "./change-conversation";

export async function removeConversationTag(ctx: OrgContext, conversationId: string, tagId: string) {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.manage", async (c, tx) => {
    // An id that names no tag of this organization is a 404; a tag that simply is not on the conversation is a no-op.
    const [known] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, ctx.org.id), eq(tags.id, tagId)));
    if (!known) throw notFound("Tag");
    const removed = await tx
      .delete(conversationTags)
      .where(
        and(eq(conversationTags.organizationId, ctx.org.id), eq(conversationTags.conversationId, c.id), eq(conversationTags.tagId, tagId)),
      )
      .returning();
    if (!removed.length) return null;
    const [tag] = await tx.select({ name: tags.name }).from(tags).where(eq(tags.id, tagId));
    return {
      touch: true,
      event: { kind: "untagged", data: { tagId, tagName: tag?.name ?? null } },
      audit: { action: "conversation.untag", targetType: "conversation", targetId: conversationId, metadata: { tagId } },
    };
  });
  return conversation;
}
