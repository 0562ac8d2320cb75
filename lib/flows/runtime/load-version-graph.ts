import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { flowVersions } from "@/db/schema";
import { flowGraphSchema, type FlowGraph } from "../graph-schema";

/** Published versions never change, so their parsed graphs are cached (bounded); the draft (version 0) never is. */
const cache = new Map<string, { organizationId: string; graph: FlowGraph; version: number; flowId: string }>();
const CACHE_MAX = 500;

export async function loadVersionGraph(organizationId: string, versionId: string, db: Db | Tx = getDb()): Promise<{ graph: FlowGraph; version: number; flowId: string }> {
  // A published version seen before costs no query at all (it is on every engine turn's path).
  const hit = cache.get(versionId);
  if (hit && hit.organizationId === organizationId) return { graph: hit.graph, version: hit.version, flowId: hit.flowId };
  const [row] = await db
    .select({ graph: flowVersions.graph, version: flowVersions.version, flowId: flowVersions.flowId })
    .from(flowVersions)
    .where(and(eq(flowVersions.organizationId, organizationId), eq(flowVersions.id, versionId)));
  if (!row) throw new Error(`Flow version ${versionId} not found`);
  if (row.version === 0) return { graph: flowGraphSchema.parse(row.graph), version: 0, flowId: row.flowId };
  const graph = flowGraphSchema.parse(row.graph);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(versionId, { organizationId, graph, version: row.version, flowId: row.flowId });
  return { graph, version: row.version, flowId: row.flowId };
}
