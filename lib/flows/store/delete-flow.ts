import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flows } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { getFlowOrThrow } from "./get-flow-or-throw";

/**
 * Soft delete: sessions and statistics keep their flow; the flow turns inactive so inbound routing stops picking it.
 * Sessions already running finish on their frozen version.
 */
export async function deleteFlow(ctx: OrgContext, flowId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const flow = await getFlowOrThrow(ctx.org.id, flowId, { tx, forUpdate: true });
    await tx
      .update(flows)
      .set({ deletedAt: new Date(), status: "inactive" })
      .where(and(eq(flows.organizationId, ctx.org.id), eq(flows.id, flow.id)));
    await recordAudit(tx, ctx, { action: "flow.deleted", targetType: "flow", targetId: flow.id, metadata: { name: flow.name } });
  });
}
