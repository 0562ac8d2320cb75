import type { FlowGraph } from "@/lib/flows/graph-schema";

/** What flows.trigger mirrors for inbound routing: the start node's triggers (none when there is no start node). */
export function startTrigger(graph: FlowGraph): Record<string, unknown> {
  const start = graph.nodes.find((n) => n.type === "start");
  return { triggers: start && start.type === "start" ? start.data.triggers : [] };
}
