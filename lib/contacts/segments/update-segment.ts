import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { segments } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSegmentOrThrow } from "./get-segment-or-throw";
import type { SegmentInput } from "./segment-input";
import { toSegmentItem } from "./segment-item";

export async function updateSegment(ctx: OrgContext, segmentId: string, patch: Partial<SegmentInput>) {
  return getDb().transaction(async (tx) => {
    const current = await getSegmentOrThrow(ctx.org.id, segmentId, tx);
    const [row] = await tx
      .update(segments)
      .set({ ...(patch.name !== undefined && { name: patch.name }), ...(patch.filter !== undefined && { filter: patch.filter }) })
      .where(and(eq(segments.organizationId, ctx.org.id), eq(segments.id, current.id), isNull(segments.deletedAt)))
      .returning();
    await recordAudit(tx, ctx, { action: "segment.update", targetType: "segment", targetId: row.id, metadata: { name: row.name } });
    return toSegmentItem(row);
  });
}
