import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { cannedReplies } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

export async function deleteCannedReply(ctx: OrgContext, id: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(cannedReplies)
      .set({ deletedAt: new Date() })
      .where(and(eq(cannedReplies.organizationId, ctx.org.id), eq(cannedReplies.id, id), isNull(cannedReplies.deletedAt)))
      .returning();
    if (!row) throw notFound("Canned reply");
    await recordAudit(tx, ctx, { action: "canned_reply.delete", targetType: "canned_reply", targetId: id, metadata: { shortcut: row.shortcut } });
  });
}
