import { flowGraphSchema, type FlowGraph, type FlowNode } from "./graph-schema";
import { edgeHandle, EXIT } from "./nodes/exit-handle";
import { nodeExits } from "./nodes/node-specs";
import { extractVariables } from "./variables/extract-variables";
import { SYSTEM_VARIABLES } from "./variables/variable-pattern";
import { checkNode } from "./validation/check-node";
import type { GraphIssue } from "./validation/graph-issue";
import { nodeDefinedVariables, nodeTexts } from "./validation/node-texts";

export type { GraphIssue, GraphIssueCode } from "./validation/graph-issue";

export type ValidateGraphOptions = {
  /** Names in flow_globals; when given, {{globals.x}} must be one of them. */
  globals?: string[];
};

/** Exits that may stay unconnected: the conversation simply ends there (a warning, not an error). */
const OPTIONAL_EXITS = new Set<string>([EXIT.fallback, EXIT.else, EXIT.failure, EXIT.gaveUp, EXIT.timeout]);

/**
 * Every problem in a graph, for the editor to pin on nodes and for publishing to refuse (any `severity: "error"`).
 * Accepts anything: a graph that fails the schema returns its schema issues (pinned to the node when possible).
 */
export function validateGraph(input: unknown, options: ValidateGraphOptions = {}): GraphIssue[] {
  const parsed = flowGraphSchema.safeParse(input);
  if (!parsed.success) return schemaIssues(input, parsed.error.issues);
  const graph = parsed.data;
  const issues: GraphIssue[] = [];
  const nodeIssue = (node: FlowNode, issue: Omit<GraphIssue, "nodeId">) => issues.push({ nodeId: node.id, ...issue });

  const byId = new Map<string, FlowNode>();
  for (const node of graph.nodes) {
    if (byId.has(node.id)) nodeIssue(node, { code: "duplicate_node_id", severity: "error", message: `Two nodes share the id "${node.id}"` });
    byId.set(node.id, node);
  }
  const starts = graph.nodes.filter((n) => n.type === "start");
  if (starts.length === 0) issues.push({ code: "no_start", severity: "error", message: "The flow needs a start node" });
  for (const extra of starts.slice(1)) nodeIssue(extra, { code: "multiple_starts", severity: "error", message: "A flow has exactly one start node" });

  // Edges: known ends, a handle the source really has, one edge per handle.
  const edgeIds = new Set<string>();
  const taken = new Map<string, string>();
  const outgoing = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) issues.push({ edgeId: edge.id, code: "duplicate_edge_id", severity: "error", message: `Two edges share the id "${edge.id}"` });
    edgeIds.add(edge.id);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      issues.push({ edgeId: edge.id, code: "edge_unknown_node", severity: "error", message: "This connection points to a node that no longer exists" });
      continue;
    }
    const handle = edgeHandle(edge.sourceHandle);
    if (!nodeExits(source).some((e) => e.id === handle)) {
      issues.push({ edgeId: edge.id, nodeId: source.id, code: "edge_unknown_handle", severity: "error", message: `This connection leaves from an exit ("${handle}") the node no longer has` });
      continue;
    }
    const key = `${source.id}\u0000${handle}`;
    if (taken.has(key)) {
      issues.push({ edgeId: edge.id, nodeId: source.id, code: "duplicate_exit_edge", severity: "error", message: "One exit can lead to only one node" });
      continue;
    }
    taken.set(key, edge.target);
    outgoing.set(source.id, [...(outgoing.get(source.id) ?? []), edge.target]);
  }

  for (const node of graph.nodes) {
    for (const exit of nodeExits(node)) {
      if (taken.has(`${node.id}\u0000${exit.id}`)) continue;
      const optional = OPTIONAL_EXITS.has(exit.id);
      const name = exit.label ? `"${exit.label}"` : `"${exit.id}"`;
      nodeIssue(node, {
        code: "missing_exit",
        severity: optional ? "warning" : "error",
        message: optional ? `The ${name} exit is not connected: the conversation ends there` : `The exit ${name} is not connected to any node`,
      });
    }
    for (const issue of checkNode(node)) nodeIssue(node, issue);
  }

  // Reachability from the start node.
  if (starts.length > 0) {
    const seen = new Set<string>([starts[0].id]);
    const queue = [starts[0].id];
    while (queue.length) {
      for (const next of outgoing.get(queue.shift()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    for (const node of graph.nodes) {
      if (!seen.has(node.id) && node.type !== "start") nodeIssue(node, { code: "unreachable_node", severity: "error", message: "No path from the start node leads here" });
    }
  }

  issues.push(...variableIssues(graph, options));
  return issues;
}

/** Only the issues that block publishing. */
export function blockingIssues(issues: GraphIssue[]): GraphIssue[] {
  return issues.filter((i) => i.severity === "error");
}

function variableIssues(graph: FlowGraph, options: ValidateGraphOptions): GraphIssue[] {
  const defined = new Set(graph.nodes.flatMap(nodeDefinedVariables));
  const globals = options.globals ? new Set(options.globals) : null;
  const issues: GraphIssue[] = [];
  for (const node of graph.nodes) {
    const reported = new Set<string>();
    for (const { field, text } of nodeTexts(node)) {
      for (const path of extractVariables(text)) {
        const problem = unknownVariable(path, defined, globals);
        if (!problem || reported.has(path)) continue;
        reported.add(path);
        issues.push({ nodeId: node.id, code: "unknown_variable", severity: "error", message: `{{${path}}} in the ${field}: ${problem}` });
      }
    }
  }
  return issues;
}

function unknownVariable(path: string, defined: Set<string>, globals: Set<string> | null): string | null {
  const [head, ...rest] = path.split(".");
  if (head === "contact" && rest.length > 0) return null; // contact fields and any custom attribute
  if (head === "system" && rest.length > 0) {
    return rest.length === 1 && (SYSTEM_VARIABLES as readonly string[]).includes(rest[0]) ? null : `system values are ${SYSTEM_VARIABLES.join(", ")}`;
  }
  if (head === "globals" && rest.length > 0) return !globals || globals.has(rest[0]) ? null : `there is no global named "${rest[0]}"`;
  return defined.has(head) ? null : `no node of this flow sets the variable "${head}"`;
}

function schemaIssues(input: unknown, zodIssues: { path: PropertyKey[]; message: string }[]): GraphIssue[] {
  const nodes = (input as { nodes?: unknown })?.nodes;
  return zodIssues.map((issue) => {
    const [area, index, ...rest] = issue.path;
    const node = area === "nodes" && Array.isArray(nodes) && typeof index === "number" ? (nodes[index] as { id?: unknown }) : undefined;
    const where = rest.length ? ` (${rest.map(String).join(".")})` : "";
    return {
      ...(node && typeof node.id === "string" ? { nodeId: node.id } : {}),
      code: "invalid_schema" as const,
      severity: "error" as const,
      message: `${issue.message}${where}`,
    };
  });
}
