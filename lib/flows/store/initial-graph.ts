import { emptyFlowGraph } from "@/lib/flows/graph-schema";

/** A new flow's draft: the shared schema's empty graph (just a start node). */
export function initialGraph(): Record<string, unknown> {
  return emptyFlowGraph() as unknown as Record<string, unknown>;
}
