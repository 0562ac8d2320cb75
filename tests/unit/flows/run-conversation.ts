import { readFileSync } from "node:fs";
import path from "node:path";
import { advanceSession } from "@/lib/flows/engine/advance-session";
import type { EngineContext, EngineInput, EngineResult } from "@/lib/flows/engine/engine-types";
import { initialSessionState, type SessionState } from "@/lib/flows/engine/session-state";
import { flowGraphSchema, type FlowGraph } from "@/lib/flows/graph-schema";

export function loadFixture(name: string): FlowGraph {
  const file = path.join(__dirname, "../../fixtures/flows", `${name}.json`);
  return flowGraphSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

export function context(overrides: Partial<EngineContext> = {}): EngineContext {
  return {
    contact: { name: "Maria Silva", first_name: "Maria", phone: "+5511988887777", wa_id: "5511988887777", profile_name: "Maria" },
    globals: {},
    system: { now: "2026-11-23T12:00:00.000Z", channel: "Acme", last_input: "" },
    ...overrides,
  };
}

/** Texts (or a short description of non-text messages) the customer would see. */
export function texts(result: EngineResult): string[] {
  return result.messages.map(({ message: m }) => {
    if (m.type === "text") return m.body;
    if (m.type === "buttons") return `[buttons] ${m.body} | ${m.buttons.map((b) => b.title).join(" / ")}`;
    if (m.type === "list") return `[list] ${m.body}`;
    if (m.type === "template") return `[template] ${m.name}`;
    return `[${m.type}]`;
  });
}

/** Drives one session through a sequence of inputs, as the runtime would. */
export class Conversation {
  state: SessionState = initialSessionState();
  last!: EngineResult;
  constructor(
    readonly graph: FlowGraph,
    readonly ctx: EngineContext = context(),
  ) {}
  send(input: EngineInput | string): string[] {
    const i = typeof input === "string" ? { type: "message" as const, text: input } : input;
    this.last = advanceSession(this.graph, this.state, i, this.ctx);
    this.state = this.last.state;
    return texts(this.last);
  }
  get blocking() {
    const last = this.last.effects.at(-1);
    return last && (last.type === "http" || last.type === "ai" || last.type === "timer") ? last : undefined;
  }
}

/** A graph from a compact description: nodes in order, edges as [source, handle, target]. */
export function graphOf(nodes: { id: string; type: string; data?: unknown }[], edges: [string, string | null, string][]): FlowGraph {
  return flowGraphSchema.parse({
    nodes: nodes.map((n, i) => ({ id: n.id, type: n.type, position: { x: 0, y: i * 100 }, data: n.data ?? {} })),
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, target, sourceHandle })),
  });
}
