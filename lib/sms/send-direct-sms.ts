import { z } from "zod";
import { resolveRecipient } from "@/lib/notifications/resolve-recipient";
import { queueSmsMessage } from "./queue-sms-message";

export const directSmsInput = z
  .object({
    to: z.string().trim().min(1).max(40),
    message: z.string().trim().min(1, "Write a message").max(1600),
    /** The business number whose conversation records the SMS (default: the organization's first active one). */
    channelId: z.uuid().optional(),
  })
  .strict();

/** `POST …/sms`: one SMS to a phone number, recorded in the contact's conversation and sent by papo/sms.send. */
export async function sendDirectSms(organizationId: string, input: z.infer<typeof directSmsInput>, opts: { messageKey: string; senderUserId: string | null }) {
  const recipient = await resolveRecipient(organizationId, { phone: input.to }, input.channelId);
  return queueSmsMessage(organizationId, recipient, { body: input.message, reason: null, idempotencyKey: opts.messageKey, senderUserId: opts.senderUserId });
}
