import dagre from "@dagrejs/dagre";

import type { EditorGraph, EditorNode } from "./editor-graph";

const FALLBACK = { width: 260, height: 140 };

/** Top-to-bottom layered layout (dagre) using the measured node sizes; edges keep their handles. */
export function autoLayout({ nodes, edges }: EditorGraph): EditorNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 60, ranksep: 80 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.measured?.width ?? FALLBACK.width, height: n.measured?.height ?? FALLBACK.height });
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    const w = n.measured?.width ?? FALLBACK.width;
    const h = n.measured?.height ?? FALLBACK.height;
    // dagre gives centres; React Flow positions are top-left corners.
    return { ...n, position: { x: Math.round(p.x - w / 2), y: Math.round(p.y - h / 2) } };
  });
}
