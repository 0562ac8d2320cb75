import type { Effect, PlannedMessage } from "../engine/engine-types";

/**
 * What one durable step of the runtime decided and saved: the messages to send and effects to perform next, each
 * numbered (`seq`) within the session. JSON-serialisable: it is a step's memoized result.
 */
export type FlowPlan = {
  sessionId: string;
  organizationId: string;
  conversationId: string;
  contactId: string;
  flowId: string;
  isTest: boolean;
  messages: PlannedMessage[];
  effects: Effect[];
};

/** `flow:<session>:<seq>`: the idempotency key of one send or call of a session. */
export const flowStepKey = (sessionId: string, seq: number | string) => `flow:${sessionId}:${seq}`;
