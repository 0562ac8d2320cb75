import type { Edge, Node } from "@xyflow/react";

import type { FlowGraph } from "@/lib/flows/graph-schema";
import { nodeSpecs, type NodeType } from "@/lib/flows/nodes/node-specs";

/** A node as the canvas holds it: React Flow's node with the type's data. */
export type EditorNode = Node<Record<string, unknown>, NodeType>;
export type EditorEdge = Edge;
export type EditorGraph = { nodes: EditorNode[]; edges: EditorEdge[] };

/** The stored draft → canvas state. The start node cannot be deleted (every flow has exactly one). */
export function fromFlowGraph(graph: FlowGraph): EditorGraph {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      position: n.position,
      data: n.data as Record<string, unknown>,
      ...(n.type === "start" ? { deletable: false } : {}),
    })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? "next" })),
  };
}

/** Canvas state → the draft to save: only what the engine reads (no selection, sizes or drag state). */
export function toFlowGraph({ nodes, edges }: EditorGraph): FlowGraph {
  return {
    nodes: nodes.map((n) => ({ id: n.id, type: n.type, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) }, data: n.data }) as FlowGraph["nodes"][number]),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? null })),
  };
}

/** A fresh node of a type with its default data, at a canvas position. */
export function newNode(type: NodeType, position: { x: number; y: number }): EditorNode {
  return { id: `${type.replace(/_/g, "-")}-${Math.random().toString(36).slice(2, 8)}`, type, position, data: nodeSpecs[type].defaultData() as Record<string, unknown> };
}

/** The data of a node parsed by its type's schema (defaults filled in), for cards and settings panels. */
export function parsedData(type: NodeType, data: unknown): Record<string, unknown> {
  const parsed = nodeSpecs[type].schema.safeParse(data);
  return (parsed.success ? parsed.data : nodeSpecs[type].defaultData()) as Record<string, unknown>;
}
