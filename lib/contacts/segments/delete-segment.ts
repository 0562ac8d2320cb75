import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { segments } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSegmentOrThrow } from "./get-segment-or-throw";

export async function deleteSegment(ctx: OrgContext, segmentId: string) {
  await getDb().transaction(async (tx) => {
    const current = await getSegmentOrThrow(ctx.org.id, segmentId, tx);
    await tx
      .update(segments)
      .set({ deletedAt: new Date() })
      .where(and(eq(segments.organizationId, ctx.org.id), eq(segments.id, current.id), isNull(segments.deletedAt)));
    await recordAudit(tx, ctx, { action: "segment.delete", targetType: "segment", targetId: current.id, metadata: { name: current.name } });
  });
}
