import { z } from "zod";
import { nodeSpecs, nodeTypes, type NodeDataOf, type NodeType } from "./nodes/node-specs";

const position = z.object({ x: z.number().finite(), y: z.number().finite() });
const nodeId = z.string().min(1).max(100);

/**
 * One node per type, `data` parsed by that type's schema (defaults filled in). Loose objects: React Flow's own
 * fields (measured, selected, width …) pass through untouched, so the editor can save what it holds.
 */
function nodeOf<T extends NodeType>(type: T) {
  return z.looseObject({ id: nodeId, type: z.literal(type), position, data: nodeSpecs[type].schema as (typeof nodeSpecs)[T]["schema"] });
}

export const flowNodeSchema = z.discriminatedUnion("type", [
  nodeOf("start"),
  nodeOf("send_message"),
  nodeOf("buttons"),
  nodeOf("list"),
  nodeOf("question"),
  nodeOf("condition"),
  nodeOf("set_variable"),
  nodeOf("http_request"),
  nodeOf("ai_reply"),
  nodeOf("delay"),
  nodeOf("wait_for_reply"),
  nodeOf("handoff"),
  nodeOf("jump_to_flow"),
  nodeOf("send_template"),
  nodeOf("end"),
]);

/** `sourceHandle` is the exit id (see nodes/<type>/schema.ts exits); null/absent means "next". */
export const flowEdgeSchema = z.looseObject({
  id: z.string().min(1).max(200),
  source: nodeId,
  target: nodeId,
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
});

/** The flow graph: React Flow's shape, shared by the editor (draft autosave) and the engine (frozen versions). */
export const flowGraphSchema = z.looseObject({
  nodes: z.array(flowNodeSchema).max(2000, "A flow has at most 2000 nodes"),
  edges: z.array(flowEdgeSchema).max(6000, "A flow has at most 6000 edges"),
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number() }).optional(),
});

export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowGraph = z.infer<typeof flowGraphSchema>;
export type FlowNodeOf<T extends NodeType> = Extract<FlowNode, { type: T }> & { data: NodeDataOf<T> };

export { nodeTypes };
export type { NodeType };

/** An empty draft: just a start node. */
export function emptyFlowGraph(): FlowGraph {
  return { nodes: [{ id: "start", type: "start", position: { x: 0, y: 0 }, data: nodeSpecs.start.defaultData() }], edges: [] };
}
