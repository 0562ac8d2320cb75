import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { flowNodeStats } from "@/db/schema";
import { queryRows } from "@/lib/analytics/query-rows";
import { HANDED_OFF } from "@/lib/analytics/session-outcome";
import { getFlowOrThrow } from "./get-flow-or-throw";

export type NodeStatsView = { versionId: string | null; nodes: Record<string, { entered: number; completed: number; dropped: number; handedOff: number }> };

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
  // The funnel's last column (analytics): sessions handed to people at each node (lib/analytics/session-outcome.ts).
  const handed = await queryRows<{ node_id: string; n: string }>(
    getDb(),
    sql`select s.current_node_id as node_id, count(*) as n from flow_sessions s
        where s.organization_id = ${organizationId} and s.flow_version_id = ${flow.publishedVersionId} and not s.is_test and ${HANDED_OFF}
        group by 1`,
  );
  const handedBy = new Map(handed.map((r) => [r.node_id, Number(r.n)]));
  return {
    versionId: flow.publishedVersionId,
    nodes: Object.fromEntries(rows.map((r) => [r.nodeId, { entered: r.entered, completed: r.completed, dropped: r.dropped, handedOff: handedBy.get(r.nodeId) ?? 0 }])),
  };
}
