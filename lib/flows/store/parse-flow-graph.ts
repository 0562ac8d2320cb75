import { flowGraphSchema, type FlowGraph } from "@/lib/flows/graph-schema";
import { AppError, zodIssues } from "@/lib/errors";

/**
 * The shared graph schema (lib/flows/graph-schema) applied to a graph from a client or a file. React Flow's
 * view-only fields (selected, measured, dragging …) are dropped so the stored graph holds what the engine reads.
 * A failure is a 422 whose issue paths start with `pathPrefix` (e.g. "graph.nodes.3.data.buttons").
 */
export function parseFlowGraph(raw: unknown, pathPrefix = "graph"): FlowGraph {
  const parsed = flowGraphSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error).map((i) => ({ path: i.path ? `${pathPrefix}.${i.path}` : pathPrefix, message: i.message }));
    throw new AppError("invalid_input", `The flow graph is not valid: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
  }
  const graph = parsed.data;
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y }, data: n.data }) as FlowGraph["nodes"][number]),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? null })),
    ...(graph.viewport ? { viewport: graph.viewport } : {}),
  };
}
