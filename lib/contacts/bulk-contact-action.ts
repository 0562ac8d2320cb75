import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { contacts, contactTags, lifecycleStages, tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { contactFilterSchema } from "./contact-filter";
import { contactFilterWhere } from "./contact-filter-sql";

/** The contacts a bulk action touches: picked rows (by id) or everything a filter matches. */
const target = z.union([z.object({ ids: z.array(z.uuid()).min(1).max(1000) }).strict(), z.object({ filter: contactFilterSchema }).strict()]);

export const bulkContactActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("tag"), tagId: z.uuid(), target }),
  z.object({ action: z.literal("untag"), tagId: z.uuid(), target }),
  z.object({ action: z.literal("setStage"), stageId: z.uuid().nullable(), target }),
  z.object({ action: z.literal("delete"), target }),
]);
export type BulkContactAction = z.infer<typeof bulkContactActionInput>;

/**
 * One bulk action as one statement inside one transaction with its audit entry, whatever the number of contacts:
 * the selection is a subquery (the shared filter, or ids scoped to the organization), never a list fetched first.
 */
export async function bulkContactAction(ctx: OrgContext, input: BulkContactAction): Promise<{ affected: number }> {
  const orgId = ctx.org.id;
  const selected = "ids" in input.target ? and(eq(contacts.organizationId, orgId), isNull(contacts.deletedAt), inArray(contacts.id, input.target.ids))! : contactFilterWhere(orgId, input.target.filter);
  const ids = getDb().select({ id: contacts.id }).from(contacts).where(selected);
  return getDb().transaction(async (tx) => {
    let affected: number;
    if (input.action === "tag" || input.action === "untag") {
      const [tag] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, orgId), eq(tags.id, input.tagId), isNull(tags.deletedAt)));
      if (!tag) throw notFound("Tag");
      if (input.action === "tag") {
        const rows = await tx
          .insert(contactTags)
          .select(tx.select({ organizationId: sql`${orgId}::uuid`.as("organization_id"), contactId: contacts.id, tagId: sql`${tag.id}::uuid`.as("tag_id"), createdAt: sql`now()`.as("created_at") }).from(contacts).where(selected))
          .onConflictDoNothing()
          .returning({ id: contactTags.contactId });
        affected = rows.length;
      } else {
        const rows = await tx
          .delete(contactTags)
          .where(and(eq(contactTags.organizationId, orgId), eq(contactTags.tagId, tag.id), inArray(contactTags.contactId, ids)))
          .returning({ id: contactTags.contactId });
        affected = rows.length;
      }
    } else if (input.action === "setStage") {
      if (input.stageId) {
        const [stage] = await tx.select({ id: lifecycleStages.id }).from(lifecycleStages).where(and(eq(lifecycleStages.organizationId, orgId), eq(lifecycleStages.id, input.stageId), isNull(lifecycleStages.deletedAt)));
        if (!stage) throw notFound("Lifecycle stage");
      }
      const rows = await tx.update(contacts).set({ lifecycleStageId: input.stageId }).where(selected).returning({ id: contacts.id });
      affected = rows.length;
    } else {
      const rows = await tx.update(contacts).set({ deletedAt: new Date() }).where(selected).returning({ id: contacts.id });
      affected = rows.length;
    }
    await recordAudit(tx, ctx, {
      action: `contacts.bulk_${input.action}`,
      targetType: "contact",
      metadata: { affected, ...("ids" in input.target ? { ids: input.target.ids.length } : { filter: input.target.filter }), ...("tagId" in input && { tagId: input.tagId }), ...("stageId" in input && { stageId: input.stageId }) },
    });
    return { affected };
  });
}
