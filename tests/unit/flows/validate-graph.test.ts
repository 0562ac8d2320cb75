import { describe, expect, it } from "vitest";
import { emptyFlowGraph } from "@/lib/flows/graph-schema";
import { nodeSpecs, nodeTypes } from "@/lib/flows/nodes/node-specs";
import { blockingIssues, validateGraph } from "@/lib/flows/validate-graph";

const node = (id: string, type: string, data: unknown = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (id: string, source: string, target: string, sourceHandle: string | null = "next") => ({ id, source, target, sourceHandle });
const codes = (graph: unknown) => validateGraph(graph).map((i) => `${i.edgeId ?? i.nodeId ?? "graph"}:${i.code}:${i.severity}`);

describe("validateGraph", () => {
  it("every type's default data parses, and an empty flow is just a start node", () => {
    for (const type of nodeTypes) expect(nodeSpecs[type].schema.safeParse(nodeSpecs[type].defaultData()).success, type).toBe(true);
    expect(codes(emptyFlowGraph())).toEqual(["start:missing_exit:error"]);
  });

  it("start: none, two", () => {
    expect(codes({ nodes: [node("e", "end")], edges: [] })).toContain("graph:no_start:error");
    expect(codes({ nodes: [node("a", "start"), node("b", "start")], edges: [edge("1", "a", "b")] })).toContain("b:multiple_starts:error");
  });

  it("unreachable nodes, dangling handles, unknown nodes, one edge per exit, missing exits", () => {
    const graph = {
      nodes: [node("s", "start"), node("b", "buttons", { body: "Hi", buttons: [{ id: "x", title: "X" }, { id: "y", title: "Y" }] }), node("e", "end"), node("lost", "end")],
      edges: [edge("1", "s", "b"), edge("2", "b", "e", "x"), edge("3", "b", "e", "gone"), edge("4", "b", "nowhere", "y"), edge("5", "s", "e")],
    };
    expect(codes(graph)).toEqual([
      "3:edge_unknown_handle:error",
      "4:edge_unknown_node:error",
      "5:duplicate_exit_edge:error",
      "b:missing_exit:error",
      "b:missing_exit:warning",
      "lost:unreachable_node:error",
    ]);
  });

  it("WhatsApp limits: > 3 buttons, titles over 20, > 10 rows, row title 24, description 72, section title 24, body 1024", () => {
    const buttons = node("b", "buttons", { body: "x".repeat(1025), buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: i === 1 ? "a".repeat(21) : `B${i}` })) });
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: i === 0 ? "t".repeat(25) : `Row ${i}`, description: i === 1 ? "d".repeat(73) : "" }));
    const list = node("l", "list", { body: "Pick", button: "Open", sections: [{ id: "s1", title: "s".repeat(25), rows }] });
    const messages = validateGraph({ nodes: [node("s", "start"), buttons, list], edges: [edge("1", "s", "b"), edge("2", "b", "l", "b1")] })
      .filter((i) => i.code !== "missing_exit")
      .map((i) => `${i.nodeId}:${i.code}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "b:too_long:The body is 1025 characters; WhatsApp allows 1024",
        "b:too_many_buttons:WhatsApp allows at most 3 buttons; this node has 4",
        `b:too_long:Button "${"a".repeat(21)}" is 21 characters; WhatsApp allows 20`,
        "l:too_many_rows:WhatsApp allows at most 10 rows in a list; this one has 11",
        `l:too_long:Row "${"t".repeat(25)}" is 25 characters; WhatsApp allows 24`,
        `l:too_long:The description of row "Row 1" is 73 characters; WhatsApp allows 72`,
        `l:too_long:Section "${"s".repeat(25)}" is 25 characters; WhatsApp allows 24`,
      ]),
    );
  });

  it("unknown variables, known ones from other nodes, system and globals", () => {
    const graph = {
      nodes: [
        node("s", "start"),
        node("q", "question", { prompt: "Name?", variable: "name" }),
        node("m", "send_message", { text: "{{name}} {{contact.city}} {{system.now}} {{system.nope}} {{typo}} {{globals.brand}} {{globals.other}}" }),
      ],
      edges: [edge("1", "s", "q"), edge("2", "q", "m"), edge("3", "q", "m", "gave_up")],
    };
    const issues = validateGraph(graph, { globals: ["brand"] }).filter((i) => i.code === "unknown_variable");
    expect(issues.map((i) => i.message)).toEqual([
      "{{system.nope}} in the text: system values are now, channel, last_input",
      '{{typo}} in the text: no node of this flow sets the variable "typo"',
      '{{globals.other}} in the text: there is no global named "other"',
    ]);
  });

  it("invalid regex, reserved ids, missing settings", () => {
    const graph = {
      nodes: [
        node("s", "start", { triggers: [{ kind: "keyword", match: "regex", keywords: ["(unclosed"] }] }),
        node("q", "question", { prompt: "Code?", kind: "regex", pattern: "[a-", variable: "code" }),
        node("b", "buttons", { body: "B", buttons: [{ id: "else", title: "Else" }] }),
        node("h", "http_request", { url: "ftp://x" }),
      ],
      edges: [edge("1", "s", "q"), edge("2", "q", "b"), edge("3", "b", "h", "else")],
    };
    const c = codes(graph);
    expect(c).toEqual(expect.arrayContaining(["s:invalid_regex:error", "q:invalid_regex:error", "b:reserved_item_id:error", "h:invalid_url:error"]));
  });

  it("a schema failure is pinned to its node", () => {
    const issues = validateGraph({ nodes: [node("s", "start"), node("x", "buttons", { buttons: "nope" })], edges: [] });
    expect(issues[0]).toMatchObject({ nodeId: "x", code: "invalid_schema", severity: "error" });
    expect(validateGraph({ nodes: [node("x", "teleport")], edges: [] })[0]).toMatchObject({ nodeId: "x", code: "invalid_schema" });
  });

  it("warnings do not block publishing", () => {
    const graph = { nodes: [node("s", "start"), node("q", "question", { prompt: "?", variable: "v" }), node("e", "end")], edges: [edge("1", "s", "q"), edge("2", "q", "e")] };
    expect(validateGraph(graph).map((i) => i.code)).toEqual(["missing_exit"]);
    expect(blockingIssues(validateGraph(graph))).toEqual([]);
  });
});
