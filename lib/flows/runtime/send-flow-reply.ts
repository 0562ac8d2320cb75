import { attemptSend, type SendAttempt } from "@/lib/messages/attempt-send";
import type { PlannedMessage } from "../engine/engine-types";
import type { FlowPlan } from "./flow-plan";
import { sendFlowMessage } from "./send-flow-message";

export type FlowReplyResult = { skipped: string } | { messageId: string; first: SendAttempt };

/**
 * One bot reply inside the inbound message's own run: stores it (sender bot, key `flow:<session>:<seq>`, so a
 * re-run finds the same row) and makes the first send attempt right away — no send-message run, no queue hop.
 * The attempt re-reads the row, so a step re-run after a crash never sends a message that already has Meta's id;
 * it takes a slot of the channel's shared send rate and waits behind an earlier message in doubt.
 */
export async function sendFlowReply(plan: Pick<FlowPlan, "organizationId" | "conversationId" | "sessionId">, planned: PlannedMessage, attempt = 0): Promise<FlowReplyResult> {
  const queued = await sendFlowMessage(plan, planned, new Date(), "caller");
  if ("skipped" in queued) return queued;
  return { messageId: queued.messageId, first: await attemptSend(plan.organizationId, queued.messageId, attempt) };
}
