import { explainGraphError } from "@/lib/whatsapp/graph/explain-graph-error";
import { markSendFailed } from "@/lib/messages/mark-send-failed";
import { smsFallbackFor } from "@/lib/notifications/sms-fallback-for";
import { inngest, messageSettled, notificationSend } from "../client";
import { deliverMessage } from "./deliver-message";
import { paceProactive } from "./pace-proactive";
import { sendThrottle } from "./send-message";
import { smsStep } from "./send-sms";

/**
 * A notification sent with `fallback: "sms"`: the WhatsApp message goes through deliverMessage exactly like
 * send-message (same throttle, same per-conversation order, same retries and doubt handling); when Meta refuses it
 * for a reason no retry changes (131026 undeliverable, template paused or disabled, marketing opt-out — see
 * sms-fallback-for.ts), the SMS is stored as its own message (`delivery_path = 'sms'`) and sent in further steps.
 */
export const sendNotificationFn = inngest.createFunction(
  {
    id: "send-notification",
    triggers: [notificationSend],
    retries: 6,
    throttle: sendThrottle(),
    concurrency: { limit: 1, key: "event.data.conversationId" },
    onFailure: async ({ event, error, step }) => {
      const { organizationId, messageId } = event.data.event.data as { organizationId: string; messageId: string };
      await markSendFailed(organizationId, messageId, { code: null, title: "Could not send", details: error.message, explanation: explainGraphError(null, "safe") });
      await step.sendEvent("settled", { name: messageSettled.name, data: { organizationId, messageId } });
    },
  },
  async ({ event, step, attempt }) => {
    const { organizationId, messageId } = event.data;
    // A notification is proactive by nature: paced on an Evolution number.
    await paceProactive(step, organizationId, event.data.channelId);
    const outcome = await deliverMessage(step, { organizationId, messageId }, { tag: "", attempt, failRun: false });
    if (outcome.kind !== "failed") return { whatsapp: outcome };
    const sms = await step.run("sms-fallback", () => smsFallbackFor(organizationId, messageId));
    if (!sms) return { whatsapp: outcome, sms: null };
    const sent = await step.run("send-sms", () => smsStep(organizationId, sms.smsMessageId));
    return { whatsapp: outcome, sms: { messageId: sms.smsMessageId, ...sent } };
  },
);
