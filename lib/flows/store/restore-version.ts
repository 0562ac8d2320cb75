import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flowVersions, flows } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";
import { getDraftRow, nextRevision, toDraftView, type DraftView } from "./get-draft";
import { getFlowOrThrow } from "./get-flow-or-throw";

/**
 * Copies a published version's graph into the draft. The published version itself is untouched (and keeps running
 * until the next publish); the restored draft gets a new revision, so an editor tab still holding the old draft
 * gets a 409 on its next autosave instead of overwriting the restore.
 */
export async function restoreVersion(ctx: OrgContext, flowId: string, version: number): Promise<DraftView> {
  return getDb().transaction(async (tx) => {
    const flow = await getFlowOrThrow(ctx.org.id, flowId, { tx, forUpdate: true });
    const [source] = await tx
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.organizationId, ctx.org.id), eq(flowVersions.flowId, flow.id), eq(flowVersions.version, version)))
      .limit(1);
    if (!source || version < 1) throw notFound("Flow version");
    const draft = await getDraftRow(tx, ctx.org.id, flow.id, true);
    const updatedAt = nextRevision(draft.updatedAt);
    const [saved] = await tx
      .update(flowVersions)
      .set({ graph: source.graph, updatedAt })
      .where(and(eq(flowVersions.organizationId, ctx.org.id), eq(flowVersions.id, draft.id)))
      .returning();
    await tx.update(flows).set({ updatedAt }).where(and(eq(flows.organizationId, ctx.org.id), eq(flows.id, flow.id)));
    await recordAudit(tx, ctx, { action: "flow.version_restored", targetType: "flow", targetId: flow.id, metadata: { name: flow.name, version } });
    return toDraftView(saved);
  });
}
