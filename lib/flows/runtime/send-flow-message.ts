import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { OutsideWindowError } from "@/lib/whatsapp/window/can-send-freeform";
import type { PlannedMessage } from "../engine/engine-types";
import { flowStepKey, type FlowPlan } from "./flow-plan";

export type FlowSendResult = { messageId: string; created: boolean } | { skipped: string };

/**
 * Queues one of the bot's messages (sender "bot") with the key `flow:<session>:<seq>`, so a retried or replayed
 * step never queues it twice. Nothing goes out when a person took the conversation meanwhile, and a free-form
 * message outside the 24-hour window is skipped (only send_template may go there); a message our own validation
 * or the template check refuses is skipped too — retrying could never make it valid. `dispatch`: who sends it
 * (send-message by default — expiry's closing messages; `caller` for sendFlowReply, which sends it in its own step).
 */
export async function sendFlowMessage(
  plan: Pick<FlowPlan, "organizationId" | "conversationId" | "sessionId">,
  planned: PlannedMessage,
  now = new Date(),
  dispatch: "send-message" | "caller" = "send-message",
): Promise<FlowSendResult> {
  // queueOutboundMessage checks, before it stores anything: a person owns the conversation → 409; a free-form message
  // outside the window → OutsideWindowError; both are skips here.
  try {
    const { message, created } = await queueOutboundMessage({
      organizationId: plan.organizationId,
      conversationId: plan.conversationId,
      message: planned.message,
      sender: "bot",
      idempotencyKey: flowStepKey(plan.sessionId, planned.seq),
      now,
      dispatch,
      botReply: true,
    });
    // queueOutboundMessage already moved the inbox's preview and pushed message.created (once: only when created).
    return { messageId: message.id, created };
  } catch (error) {
    if (error instanceof OutsideWindowError) return { skipped: "outside_window: the 24-hour window is closed; only templates may be sent" };
    if (error instanceof AppError && error.status === 404) return { skipped: "the conversation is gone" };
    if (error instanceof ZodError) return { skipped: `invalid message: ${error.issues.map((i) => i.message).join("; ")}` };
    if (error instanceof AppError && error.status < 500) return { skipped: error.message };
    throw error;
  }
}
