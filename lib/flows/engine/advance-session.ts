import type { FlowGraph, FlowNode } from "../graph-schema";
import { edgeHandle } from "../nodes/exit-handle";
import { nodeRegistry } from "../nodes/registry";
import type { NodeExecutor } from "./engine-types";
import type { Effect, EngineContext, EngineInput, EngineResult, NodeOutcome, PlannedMessage, StatsDelta } from "./engine-types";
import type { SessionState } from "./session-state";

/** Nodes entered in one walk without waiting for anything: more means a loop that would never stop. */
export const MAX_NODES_PER_WALK = 200;

/**
 * The interpreter. Given the frozen graph, the session and what happened, walks forward until the flow needs the
 * customer or an effect's result, or ends. Pure: it sends nothing, reads nothing, and the same arguments always
 * give the same answer (so a durable step may replay it).
 */
export function advanceSession(graph: FlowGraph, previous: SessionState, input: EngineInput, ctx: EngineContext): EngineResult {
  const state: SessionState = structuredClone(previous);
  const messages: PlannedMessage[] = [];
  const effects: Effect[] = [];
  const stats = new Map<string, StatsDelta>();
  const stat = (nodeId: string) => stats.get(nodeId) ?? stats.set(nodeId, { nodeId, entered: 0, completed: 0 }).get(nodeId)!;
  const result = (ignored = false): EngineResult => ({ state, messages, effects, stats: [...stats.values()], ignored });
  const ignore = (): EngineResult => ({ state: previous, messages: [], effects: [], stats: [], ignored: true });

  if (state.status === "completed" || state.status === "failed") return ignore();
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const contact = { ...ctx.contact };
  const scope = () => ({ ...ctx, contact, variables: state.variables, system: { ...ctx.system, last_input: state.lastInput } });

  let node: FlowNode | undefined;
  let nodeInput: EngineInput | null;
  if (state.currentNodeId === null) {
    // A fresh session: any input starts it at the start node.
    if (input.type !== "message" && input.type !== "start") return ignore();
    node = graph.nodes.find((n) => n.type === "start");
    nodeInput = null;
    if (node) stat(node.id).entered++;
  } else {
    node = nodes.get(state.currentNodeId);
    if (!state.waiting || !accepts(state.waiting, input)) return ignore();
    nodeInput = input;
  }
  if (input.type === "message") state.lastInput = input.text;
  if (!node) return finish("failed", "the flow has no start node or the current node is gone");

  for (let entered = 0; ; ) {
    const execute = nodeRegistry[node.type].execute as NodeExecutor<unknown>;
    const outcome: NodeOutcome = execute({ nodeId: node.id, data: node.data, input: nodeInput, retries: state.retries[node.id] ?? 0, scope: scope() });
    apply(node.id, outcome);
    if (outcome.next === "wait") {
      state.status = "waiting";
      state.currentNodeId = node.id;
      const effect = outcome.effect ? { ...outcome.effect, seq: ++state.seq, nodeId: node.id } : null;
      if (effect) effects.push(effect as Effect);
      // A wait without a new effect (a re-prompt) keeps the pending token: a timer already asked for stays valid.
      state.waiting = { nodeId: node.id, kind: outcome.kind, token: effect ? effect.seq : (state.waiting?.nodeId === node.id ? state.waiting.token : 0) };
      return result();
    }
    stat(node.id).completed++;
    if (outcome.next === "end") return finish(outcome.reason, outcome.detail);
    const edge = graph.edges.find((e) => e.source === node!.id && edgeHandle(e.sourceHandle) === outcome.exit);
    const target = edge ? nodes.get(edge.target) : undefined;
    // An unconnected exit ends the conversation quietly, as the editor warns.
    if (!target) return finish("completed", `exit "${outcome.exit}" of node ${node.id} leads nowhere`);
    if (++entered > MAX_NODES_PER_WALK) return finish("failed", `more than ${MAX_NODES_PER_WALK} nodes without waiting: a loop`);
    node = target;
    nodeInput = null;
    state.currentNodeId = node.id;
    state.waiting = null;
    state.status = "active";
    stat(node.id).entered++;
  }

  function apply(nodeId: string, outcome: NodeOutcome) {
    for (const message of outcome.messages ?? []) messages.push({ seq: ++state.seq, nodeId, message });
    for (const effect of outcome.effects ?? []) effects.push({ ...effect, seq: ++state.seq, nodeId } as Effect);
    if (outcome.setVariables) Object.assign(state.variables, outcome.setVariables);
    if (outcome.contactPatch) Object.assign(contact, outcome.contactPatch);
    if (outcome.retries !== undefined) {
      if (outcome.retries === 0) delete state.retries[nodeId];
      else state.retries[nodeId] = outcome.retries;
    }
  }

  function finish(reason: "completed" | "handoff" | "jump" | "failed", detail?: string): EngineResult {
    state.status = reason === "failed" ? "failed" : "completed";
    state.waiting = null;
    state.endReason = detail ? `${reason}: ${detail}` : reason;
    effects.push({ seq: ++state.seq, nodeId: node?.id ?? "", type: "end", reason, ...(detail ? { detail } : {}) });
    return result();
  }
}

/** Whether an input answers what the session waits for; anything else (a stale timer, a message during a delay) is ignored. */
function accepts(waiting: NonNullable<SessionState["waiting"]>, input: EngineInput): boolean {
  switch (waiting.kind) {
    case "input":
      return input.type === "message";
    case "reply":
      return input.type === "message" || (input.type === "timer" && input.token === waiting.token);
    case "delay":
      return input.type === "timer" && input.token === waiting.token;
    case "http":
      return input.type === "http_result" && input.token === waiting.token;
    case "ai":
      return input.type === "ai_result" && input.token === waiting.token;
  }
}
