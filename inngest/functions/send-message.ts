import { env } from "@/lib/env";
import { explainGraphError } from "@/lib/whatsapp/graph/explain-graph-error";
import { markSendFailed } from "@/lib/messages/mark-send-failed";
import { inngest, messageSend, messageSettled } from "../client";
import { deliverMessage } from "./deliver-message";
import { paceProactive } from "./pace-proactive";

/**
 * Meta caps each business number's throughput (80 messages/s by default) and answers 130429 past it. Rather than
 * only backing off after the fact, runs start at most WHATSAPP_SEND_RATE_PER_SECOND per second per channel: a
 * campaign to thousands queues behind its own number and never holds another channel back. The throttle counts run
 * starts (one run = one message); the send itself also takes a slot of the channel's shared rate
 * (lib/messages/take-send-slot.ts), which bot replies sent inside process-webhook-event use too.
 * `limit` is a getter: the SDK reads it at registration, not when `next build` imports this module.
 */
export function sendThrottle() {
  return {
    key: "event.data.channelId",
    period: "1s" as const,
    get limit() {
      return env().WHATSAPP_SEND_RATE_PER_SECOND;
    },
  };
}

/**
 * Sends one queued outbound message of the inbox or a campaign (bot replies go out inside process-webhook-event's
 * own run). The domain logic is lib/messages/attempt-send.ts; the send/wait/resend steps are deliverMessage:
 * clear rejections are retried with backoff, permanent ones fail the row (and this run), ambiguous ones wait for
 * a status webhook carrying this message's id before sending again, and a send waits while an earlier message of
 * its conversation is in doubt.
 */
export const sendMessage = inngest.createFunction(
  {
    id: "send-message",
    triggers: [messageSend],
    retries: 6,
    throttle: sendThrottle(),
    // One send at a time per conversation, claimed in queue order: a bot's three messages reach the customer in the
    // order they were queued. A send waiting after an ambiguous failure holds no slot, but the next one waits for it
    // to settle (attemptSend's `blocked`); one that backs off after a clear rejection (130429) can be overtaken.
    concurrency: { limit: 1, key: "event.data.conversationId" },
    onFailure: async ({ event, error, step }) => {
      const { organizationId, messageId } = event.data.event.data as { organizationId: string; messageId: string };
      await markSendFailed(organizationId, messageId, { code: null, title: "Could not send", details: error.message, explanation: explainGraphError(null, "safe") });
      // Failed is settled: a send waiting behind this one (if it was in doubt) may go.
      await step.sendEvent("settled", { name: messageSettled.name, data: { organizationId, messageId } });
    },
  },
  async ({ event, step, attempt }) => {
    const { organizationId, messageId } = event.data;
    if (event.data.proactive) await paceProactive(step, organizationId, event.data.channelId);
    return deliverMessage(step, { organizationId, messageId }, { tag: "", attempt, failRun: true });
  },
);
