import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flowNodeStats } from "@/db/schema";
import { getFlowOrThrow } from "./get-flow-or-throw";

export type NodeStatsView = { versionId: string | null; nodes: Record<string, { entered: number; completed: number; dropped: number }> };

/** Counters from real sessions of the published version (test sessions are not counted by the engine). */
export async function getNodeStats(organizationId: string, flowId: string): Promise<NodeStatsView> {
  const flow = await getFlowOrThrow(organizationId, flowId);
  if (!flow.publishedVersionId) return { versionId: null, nodes: {} };
  const rows = await getDb()
    .select()
    .from(flowNodeStats)
    .where(
      and(
        eq(flowNodeStats.organizationId, organizationId),
        eq(flowNodeStats.flowId, flow.id),
        eq(flowNodeStats.flowVersionId, flow.publishedVersionId),
      ),
    );
  return {
    versionId: flow.publishedVersionId,
    nodes: Object.fromEntries(rows.map((r) => [r.nodeId, { entered: r.entered, completed: r.completed, dropped: r.dropped }])),
  };
}
