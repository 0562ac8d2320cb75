import { lateSmsFallback } from "@/lib/notifications/late-sms-fallback";
import { inngest, lateSmsFallback as lateSmsFallbackEvent } from "../client";
import { smsStep } from "./send-sms";

/**
 * A notification's WhatsApp message that Meta accepted and later reported failed (131026 and the other reasons of
 * SMS_FALLBACK_CODES): stores the SMS row (idempotency key `sms-fallback:<message id>`) in one step and sends it
 * in the next, like send-notification does for a refusal at send time. Started by ingest's follow-up event.
 */
export const sendLateSmsFallback = inngest.createFunction(
  { id: "send-late-sms-fallback", triggers: [lateSmsFallbackEvent], retries: 5 },
  async ({ event, step }) => {
    const sms = await step.run("sms-fallback", () => lateSmsFallback(event.data));
    if (!sms) return { sms: null };
    const sent = await step.run("send-sms", () => smsStep(event.data.organizationId, sms.smsMessageId));
    return { sms: { messageId: sms.smsMessageId, ...sent } };
  },
);
