import { getDb } from "@/db";
import { segments } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SegmentInput } from "./segment-input";
import { toSegmentItem } from "./segment-item";

export async function createSegment(ctx: OrgContext, input: SegmentInput) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx.insert(segments).values({ organizationId: ctx.org.id, name: input.name, filter: input.filter, createdBy: ctx.userId }).returning();
    await recordAudit(tx, ctx, { action: "segment.create", targetType: "segment", targetId: row.id, metadata: { name: row.name } });
    return toSegmentItem(row);
  });
}
