import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { contactTags, conversationTags, tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

/** Soft-deletes the tag and detaches it everywhere (so the name can be reused and filters stop matching it). */
export async function deleteTag(ctx: OrgContext, id: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(tags)
      .set({ deletedAt: new Date() })
      .where(and(eq(tags.organizationId, ctx.org.id), eq(tags.id, id), isNull(tags.deletedAt)))
      .returning();
    if (!row) throw notFound("Tag");
    await tx.delete(conversationTags).where(and(eq(conversationTags.organizationId, ctx.org.id), eq(conversationTags.tagId, id)));
    await tx.delete(contactTags).where(and(eq(contactTags.organizationId, ctx.org.id), eq(contactTags.tagId, id)));
    await recordAudit(tx, ctx, { action: "tag.delete", targetType: "tag", targetId: id, metadata: { name: row.name } });
  });
}
