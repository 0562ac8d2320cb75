import type { FlowNode } from "../graph-schema";

/** Every text of a node that may contain {{variables}}, with the field it came from (for messages). */
export function nodeTexts(node: FlowNode): { field: string; text: string }[] {
  const d = node.data;
  switch (node.type) {
    case "send_message":
      return [{ field: "text", text: node.data.text }, ...(node.data.media ? [{ field: "media URL", text: node.data.media.url }] : [])];
    case "buttons":
      return [
        { field: "body", text: node.data.body },
        { field: "header", text: node.data.header },
        { field: "footer", text: node.data.footer },
        { field: "retry message", text: node.data.retryMessage },
      ];
    case "list":
      return [
        { field: "body", text: node.data.body },
        { field: "header", text: node.data.header },
        { field: "footer", text: node.data.footer },
        { field: "retry message", text: node.data.retryMessage },
      ];
    case "question":
      return [{ field: "prompt", text: node.data.prompt }, { field: "retry message", text: node.data.retryMessage }];
    case "condition":
      return node.data.rules.flatMap((r) => r.comparisons.flatMap((c) => [{ field: "rule value", text: c.right }, { field: "rule field", text: c.left ? `{{${c.left}}}` : "" }]));
    case "set_variable":
      return node.data.assignments.map((a) => ({ field: `value of ${a.name || "?"}`, text: a.value }));
    case "http_request":
      return [{ field: "URL", text: node.data.url }, { field: "body", text: node.data.body }, ...node.data.headers.map((h) => ({ field: `header ${h.name}`, text: h.value }))];
    case "ai_reply":
      return [{ field: "system prompt", text: node.data.systemPrompt }, { field: "prompt", text: node.data.prompt }];
    case "handoff":
      return [{ field: "message", text: node.data.message }, { field: "note", text: node.data.note }];
    case "send_template":
      return [...node.data.headerParameters, ...node.data.bodyParameters].map((p) => ({ field: "template parameter", text: p.value }));
    case "end":
      return [{ field: "message", text: node.data.message }];
    default:
      void d;
      return [];
  }
}

/** The flow variables a node sets (so {{name}} elsewhere is known). */
export function nodeDefinedVariables(node: FlowNode): string[] {
  switch (node.type) {
    case "buttons":
    case "list":
    case "question":
    case "ai_reply":
    case "wait_for_reply":
      return node.data.variable ? [node.data.variable] : [];
    case "set_variable":
      return node.data.assignments.filter((a) => a.scope === "flow" && a.name).map((a) => a.name);
    case "http_request":
      return [...node.data.responseMappings.map((m) => m.variable), node.data.statusVariable].filter(Boolean);
    default:
      return [];
  }
}
