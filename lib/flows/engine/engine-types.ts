import type { OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import type { VariableScope } from "../variables/variable-scope";
import type { SessionState, WaitKind } from "./session-state";

/** What wakes the engine. */
export type EngineInput =
  /** A customer's message. `replyId`: the id of the button / list row tapped (interactive replies). */
  | { type: "message"; text: string; replyId?: string | null }
  /** Start without a message (API trigger, jump from another flow). */
  | { type: "start" }
  /** A timer the engine asked for (delay, reply timeout) fired. */
  | { type: "timer"; token: number }
  | { type: "http_result"; token: number; ok: boolean; status: number; body: unknown; error?: string }
  | { type: "ai_result"; token: number; ok: boolean; text?: string; error?: string };

/** What the engine knows of the world, besides the graph and the session: read-only. */
export type EngineContext = Omit<VariableScope, "variables">;

export type PlannedMessage = { seq: number; nodeId: string; message: OutboundMessageInput };

/** `connection`: the organization's named connection (lib/integrations); `url` is then a path under its base URL. */
export type HttpRequestSpec = { method: string; url: string; headers: Record<string, string>; body: string | null; timeoutMs: number; connection?: string };
export type AiRequestSpec = {
  model: string;
  temperature: number;
  maxTokens: number;
  messages: { role: "system" | "user"; content: string }[];
};

/** Work the runtime performs; none of it is done by the engine. */
export type Effect =
  | { seq: number; nodeId: string; type: "update_contact"; name?: string; attributes: Record<string, string>; addTags: string[]; removeTags: string[] }
  | { seq: number; nodeId: string; type: "handoff"; departmentId: string | null; assigneeId: string | null; note: string }
  | { seq: number; nodeId: string; type: "jump"; flowId: string; variables: Record<string, unknown> }
  | { seq: number; nodeId: string; type: "end"; reason: "completed" | "handoff" | "jump" | "failed"; detail?: string }
  /** Blocking (always last): answer with http_result / ai_result / timer carrying `seq` as token. */
  | { seq: number; nodeId: string; type: "http"; request: HttpRequestSpec }
  | { seq: number; nodeId: string; type: "ai"; request: AiRequestSpec }
  | { seq: number; nodeId: string; type: "timer"; seconds: number; reason: "delay" | "reply_timeout" };

export type BlockingEffect = Extract<Effect, { type: "http" | "ai" | "timer" }>;
export const isBlocking = (e: Effect): e is BlockingEffect => e.type === "http" || e.type === "ai" || e.type === "timer";

export type StatsDelta = { nodeId: string; entered: number; completed: number };

export type EngineResult = {
  state: SessionState;
  /** In order. Sent before the effects are performed. */
  messages: PlannedMessage[];
  /** In order; a blocking effect (http, ai, timer) can only be the last one. */
  effects: Effect[];
  stats: StatsDelta[];
  /** The input was not for this session's current wait (stale timer, message during a delay, ended session). */
  ignored: boolean;
};

/** What a node's executor decides, given how it was reached. */
export type NodeOutcome = {
  messages?: OutboundMessageInput[];
  effects?: DistributiveOmit<Exclude<Effect, BlockingEffect | { type: "end" }>, "seq" | "nodeId">[];
  setVariables?: Record<string, unknown>;
  /** Contact fields changed by this node, visible to later nodes of the same walk. */
  contactPatch?: Record<string, unknown>;
  /** New retry count at this node (input nodes). */
  retries?: number;
} & (
  | { next: "exit"; exit: string }
  | { next: "wait"; kind: WaitKind; effect?: DistributiveOmit<BlockingEffect, "seq" | "nodeId"> }
  | { next: "end"; reason: "completed" | "handoff" | "jump" | "failed"; detail?: string }
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What an executor is given. `input` is null when the walk just arrived at the node. */
export type ExecuteArgs<D> = {
  nodeId: string;
  data: D;
  input: EngineInput | null;
  /** Retries already spent at this node. */
  retries: number;
  scope: VariableScope;
};

export type NodeExecutor<D> = (args: ExecuteArgs<D>) => NodeOutcome;
