import { describe, expect, it } from "vitest";
import { autoLayout } from "@/components/flow-builder/auto-layout";
import { fromFlowGraph, newNode, toFlowGraph } from "@/components/flow-builder/editor-graph";
import { flowGraphSchema } from "@/lib/flows/graph-schema";
import { greetingGraph } from "../../integration/flows/greeting-graph";

describe("editor graph ⇄ stored graph", () => {
  it("round-trips a stored graph and drops React Flow's view-only fields", () => {
    const stored = greetingGraph();
    const editor = fromFlowGraph(stored);
    expect(editor.nodes.find((n) => n.id === "start")?.deletable).toBe(false);
    const touched = { ...editor, nodes: editor.nodes.map((n) => ({ ...n, selected: true, measured: { width: 256, height: 100 }, dragging: false })) };
    const back = toFlowGraph(touched);
    expect(back).toEqual({ ...stored, edges: stored.edges.map((e) => ({ ...e, sourceHandle: e.sourceHandle ?? null })) });
    expect(JSON.stringify(back)).not.toMatch(/selected|measured|dragging|deletable/);
  });

  it("a new node of every palette type passes the shared schema", () => {
    const types = ["send_message", "buttons", "list", "question", "condition", "set_variable", "http_request", "ai_reply", "delay", "wait_for_reply", "handoff", "jump_to_flow", "send_template", "end"] as const;
    const nodes = types.map((t, i) => newNode(t, { x: i * 10, y: 0 }));
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(flowGraphSchema.safeParse(toFlowGraph({ nodes, edges: [] })).success).toBe(true);
  });

  it("auto-layout puts each node below the one it leads to (top to bottom), without overlaps", () => {
    const editor = fromFlowGraph(greetingGraph());
    const scrambled = { ...editor, nodes: editor.nodes.map((n, i) => ({ ...n, position: { x: 500 - i * 200, y: 0 } })) };
    const laid = autoLayout(scrambled);
    const y = Object.fromEntries(laid.map((n) => [n.id, n.position.y]));
    expect(y.start).toBeLessThan(y.hello);
    expect(y.hello).toBeLessThan(y.bye);
    expect(y.hello - y.start).toBeGreaterThanOrEqual(140);
  });
});
