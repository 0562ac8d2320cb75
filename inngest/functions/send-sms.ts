import { NonRetriableError } from "inngest";
import { deliverSms } from "@/lib/sms/deliver-sms";
import { markSendFailed } from "@/lib/messages/mark-send-failed";
import { inngest, smsSend } from "../client";

/** Runs deliverSms in a step; a gateway that did not answer (or 5xx) is retried with the executor's backoff. */
export async function smsStep(organizationId: string, messageId: string) {
  const result = await deliverSms(organizationId, messageId);
  if (result.kind === "retry") throw new Error(result.message);
  return result;
}

/** Sends one SMS row (`POST …/sms`, or a notification's fallback): lib/sms/deliver-sms.ts. */
export const sendSms = inngest.createFunction(
  {
    id: "send-sms",
    triggers: [smsSend],
    retries: 5,
    onFailure: async ({ event, error }) => {
      const { organizationId, messageId } = event.data.event.data as { organizationId: string; messageId: string };
      await markSendFailed(organizationId, messageId, { code: null, title: "Could not send the SMS", details: error.message, explanation: "The SMS gateway did not answer. Check Settings → SMS gateway." });
    },
  },
  async ({ event, step }) => {
    const result = await step.run("send-sms", () => smsStep(event.data.organizationId, event.data.messageId));
    if (result.kind === "failed") throw new NonRetriableError(result.title);
    return result;
  },
);
