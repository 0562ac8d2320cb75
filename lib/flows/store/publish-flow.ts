import { and, eq, max } from "drizzle-orm";
import { getDb } from "@/db";
import { flowVersions, flows } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { getDraftRow } from "./get-draft";
import { getFlowOrThrow } from "./get-flow-or-throw";
import { GraphInvalidError } from "./graph-invalid-error";
import { listFlowGlobalNames } from "./list-flow-global-names";
import { blockingIssues, validateGraph } from "@/lib/flows/validate-graph";
import { parseFlowGraph } from "./parse-flow-graph";
import { startTrigger } from "./start-trigger";

export type PublishResult = { versionId: string; version: number; publishedAt: string };

/**
 * Freezes the draft as version N+1 (never updated afterwards), makes it the one new sessions run, and mirrors the
 * start node's trigger into flows.trigger for inbound routing. The flow row is locked, so two publishes of one flow
 * get consecutive numbers instead of racing on the unique (flow, version) index. Running sessions keep the version
 * they started on.
 */
export async function publishFlow(ctx: OrgContext, flowId: string): Promise<PublishResult> {
  return getDb().transaction(async (tx) => {
    const flow = await getFlowOrThrow(ctx.org.id, flowId, { tx, forUpdate: true });
    const draft = await getDraftRow(tx, ctx.org.id, flow.id);
    const graph = parseFlowGraph(draft.graph);
    // Warnings (an optional exit left open) do not block; errors do, all of them reported at once.
    const issues = blockingIssues(validateGraph(graph, { globals: await listFlowGlobalNames(ctx.org.id, tx) }));
    if (issues.length > 0) throw new GraphInvalidError(issues);
    const [{ latest }] = await tx
      .select({ latest: max(flowVersions.version) })
      .from(flowVersions)
      .where(and(eq(flowVersions.organizationId, ctx.org.id), eq(flowVersions.flowId, flow.id)));
    const now = new Date();
    const [version] = await tx
      .insert(flowVersions)
      .values({
        organizationId: ctx.org.id,
        flowId: flow.id,
        version: (latest ?? 0) + 1,
        graph,
        publishedAt: now,
        publishedById: ctx.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx
      .update(flows)
      .set({ publishedVersionId: version.id, status: "active", trigger: startTrigger(graph), updatedAt: now })
      .where(and(eq(flows.organizationId, ctx.org.id), eq(flows.id, flow.id)));
    await recordAudit(tx, ctx, { action: "flow.published", targetType: "flow", targetId: flow.id, metadata: { name: flow.name, version: version.version } });
    return { versionId: version.id, version: version.version, publishedAt: now.toISOString() };
  });
}
