import type { FlowGraph } from "@/lib/flows/graph-schema";

/** A small valid flow: start (keyword "oi") → send a text → end. */
export function greetingGraph(text = "Olá! Bem-vindo."): FlowGraph {
  return {
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["oi"], caseSensitive: false }] } },
      { id: "hello", type: "send_message", position: { x: 0, y: 150 }, data: { text, media: null } },
      { id: "bye", type: "end", position: { x: 0, y: 300 }, data: { message: "" } },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "hello" },
      { id: "e2", source: "hello", sourceHandle: "next", target: "bye" },
    ],
  };
}
