import type { FlowSession } from "@/db/schema";
import { migrateSessionState } from "../engine/session-state";
import type { FlowPlan } from "./flow-plan";

/** The plan of an expired session: its closing message, if the flow has one (numbered after everything it sent). */
export function closingPlan(session: FlowSession, closingMessage: string): FlowPlan | null {
  const text = closingMessage.trim();
  if (!text) return null;
  let seq = 0;
  try {
    seq = migrateSessionState(session.state).seq;
  } catch {
    // A state we cannot read still gets its goodbye; seq 0 cannot collide with a real send (they start at 1).
  }
  return {
    sessionId: session.id,
    organizationId: session.organizationId,
    conversationId: session.conversationId,
    contactId: session.contactId,
    flowId: session.flowId,
    isTest: session.isTest,
    messages: [{ seq: seq + 1, nodeId: session.currentNodeId ?? "", message: { type: "text", body: text } }],
    effects: [],
  };
}
