import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { getFlowOrThrow } from "@/lib/flows/store/get-flow-or-throw";
import { queryRows } from "./query-rows";
import { HANDED_OFF } from "./session-outcome";

export type NodeFunnelRow = { nodeId: string; type: string; label: string; entered: number; completed: number; dropped: number; handedOff: number };

/**
 * A flow's funnel per node, for its published version: the engine's own counters (flow_node_stats: entered,
 * completed, dropped — since publication, not per date range, as the engine keeps them) plus sessions handed off
 * at that node. Nodes in graph order, so the table reads like the canvas.
 */
export async function flowNodeFunnel(db: Db, organizationId: string, flowId: string): Promise<{ versionId: string | null; nodes: NodeFunnelRow[] }> {
  const flow = await getFlowOrThrow(organizationId, flowId);
  if (!flow.publishedVersionId) return { versionId: null, nodes: [] };
  const [version] = await queryRows<{ graph: { nodes?: { id: string; type: string; data?: { label?: string } }[] } }>(
    db,
    sql`select graph from flow_versions where organization_id = ${organizationId} and id = ${flow.publishedVersionId}`,
  );
  const stats = await queryRows<{ node_id: string; entered: number; completed: number; dropped: number }>(
    db,
    sql`select node_id, entered, completed, dropped from flow_node_stats where organization_id = ${organizationId} and flow_version_id = ${flow.publishedVersionId}`,
  );
  const handed = await queryRows<{ node_id: string; n: string }>(
    db,
    sql`select s.current_node_id as node_id, count(*) as n from flow_sessions s
        where s.organization_id = ${organizationId} and s.flow_version_id = ${flow.publishedVersionId} and not s.is_test and ${HANDED_OFF}
        group by 1`,
  );
  const byNode = new Map(stats.map((r) => [r.node_id, r]));
  const handedBy = new Map(handed.map((r) => [r.node_id, Number(r.n)]));
  const nodes = (version?.graph.nodes ?? []).map((n) => {
    const s = byNode.get(n.id);
    return { nodeId: n.id, type: n.type, label: n.data?.label ?? n.id, entered: Number(s?.entered ?? 0), completed: Number(s?.completed ?? 0), dropped: Number(s?.dropped ?? 0), handedOff: handedBy.get(n.id) ?? 0 };
  });
  return { versionId: flow.publishedVersionId, nodes };
}
