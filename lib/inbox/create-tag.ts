import { getDb } from "@/db";
import { tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";

export async function createTag(ctx: OrgContext, input: { name: string; color?: string }) {
  return getDb().transaction(async (tx) => {
    const [tag] = await tx
      .insert(tags)
      .values({ organizationId: ctx.org.id, name: input.name, ...(input.color && { color: input.color }) })
      .returning({ id: tags.id, name: tags.name, color: tags.color });
    await recordAudit(tx, ctx, { action: "tag.create", targetType: "tag", targetId: tag.id, metadata: { name: tag.name } });
    return tag;
  });
}
