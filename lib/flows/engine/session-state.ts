import { z } from "zod";

/** Bump when the shape changes, and teach migrateSessionState to lift older states. */
export const SESSION_STATE_VERSION = 1;

export const waitKinds = ["input", "reply", "http", "ai", "delay"] as const;
export type WaitKind = (typeof waitKinds)[number];

/**
 * The engine's whole memory of one conversation with a flow (stored in flow_sessions.state). `seq` numbers every
 * message and effect the session ever planned: `flow:<session>:<seq>` is the idempotency key of that send/call,
 * and a timer's `token`, so a stale timer (the session moved on) is recognised and ignored.
 */
export const sessionStateSchema = z.object({
  stateVersion: z.literal(SESSION_STATE_VERSION),
  status: z.enum(["active", "waiting", "completed", "failed"]),
  currentNodeId: z.string().nullable(),
  waiting: z.object({ nodeId: z.string(), kind: z.enum(waitKinds), token: z.number().int() }).nullable(),
  variables: z.record(z.string(), z.unknown()),
  /** Re-prompts / tries spent at input nodes, by node id (reset when the node is left). */
  retries: z.record(z.string(), z.number().int()),
  lastInput: z.string(),
  seq: z.number().int().min(0),
  /** Why the session ended: completed, handoff, jump, failed: <reason>. */
  endReason: z.string().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export function initialSessionState(variables: Record<string, unknown> = {}): SessionState {
  return { stateVersion: SESSION_STATE_VERSION, status: "active", currentNodeId: null, waiting: null, variables, retries: {}, lastInput: "", seq: 0, endReason: null };
}

/** Reads a stored state of any known version (only version 1 exists yet); an empty object is a fresh session. */
export function migrateSessionState(raw: unknown): SessionState {
  if (raw && typeof raw === "object" && Object.keys(raw).length === 0) return initialSessionState();
  return sessionStateSchema.parse(raw);
}
