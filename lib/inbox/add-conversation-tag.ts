import { and, eq, isNull } from "drizzle-orm";
import { conversationTags, tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";
import { changeConversation } from "./change-conversation";

export async function addConversationTag(ctx: OrgContext, conversationId: string, tagId: string) {
  const { conversation } = await changeConversation(ctx, conversationId, "conversations.manage", async (c, tx) => {
    const [tag] = await tx
      .select()
      .from(tags)
      .where(and(eq(tags.organizationId, ctx.org.id), eq(tags.id, tagId), isNull(tags.deletedAt)));
    if (!tag) throw notFound("Tag");
    const inserted = await tx
      .insert(conversationTags)
      .values({ organizationId: ctx.org.id, conversationId: c.id, tagId })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) return null;
    return {
      touch: true,
      event: { kind: "tagged", data: { tagId, tagName: tag.name } },
      audit: { action: "conversation.tag", targetType: "conversation", targetId: conversationId, metadata: { tagId, tagName: tag.name } },
    };
  });
  return conversation;
}
