import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, smsGateways, type Message } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { onMessageStored } from "@/lib/inbox/on-message-stored";
import { sendJobEvents } from "@/lib/jobs";
import type { Recipient } from "@/lib/notifications/resolve-recipient";

/**
 * Stores an SMS as an outbound message of the contact's conversation (`delivery_path = 'sms'`, so the inbox shows
 * it with the rest) and hands it to papo/sms.send. The idempotency key works as for WhatsApp messages: a second call
 * with the same key returns the first row and sends nothing. Refused (409) without a gateway or a phone number.
 * `dispatch: "caller"`: the caller sends it in its own durable step (send-notification), no papo/sms.send.
 */
export async function queueSmsMessage(
  organizationId: string,
  recipient: Pick<Recipient, "contact" | "conversation">,
  args: { body: string; reason: string | null; idempotencyKey: string; senderUserId: string | null; fallbackOf?: string; dispatch?: "send-sms" | "caller" },
): Promise<{ message: Message; created: boolean }> {
  const db = getDb();
  const [existing] = await db.select().from(messages).where(and(eq(messages.organizationId, organizationId), eq(messages.idempotencyKey, args.idempotencyKey)));
  if (existing) return { message: existing, created: false };
  const [gateway] = await db.select({ id: smsGateways.organizationId }).from(smsGateways).where(eq(smsGateways.organizationId, organizationId));
  if (!gateway) throw new AppError("conflict", "No SMS gateway is configured (Settings → SMS gateway)", [{ path: "fallback", message: "no_sms_gateway" }]);
  const phone = recipient.contact.phoneE164;
  if (!phone) throw new AppError("conflict", "An SMS needs the contact's phone number", [{ path: "to", message: "no_phone_number" }]);
  const [row] = await db
    .insert(messages)
    .values({
      organizationId,
      channelId: recipient.conversation.channelId,
      conversationId: recipient.conversation.id,
      direction: "outbound",
      type: "text",
      content: { type: "text", body: args.body, idempotencyKey: args.idempotencyKey, sms: { to: phone, reason: args.reason, ...(args.fallbackOf ? { fallbackOf: args.fallbackOf } : {}) } },
      idempotencyKey: args.idempotencyKey,
      status: "queued",
      sender: "user",
      senderUserId: args.senderUserId,
      deliveryPath: "sms",
    })
    .onConflictDoNothing()
    .returning();
  const message = row ?? (await db.select().from(messages).where(and(eq(messages.organizationId, organizationId), eq(messages.idempotencyKey, args.idempotencyKey))))[0];
  if (row) await onMessageStored(organizationId, row.id);
  if (message.status === "queued" && args.dispatch !== "caller") await sendJobEvents({ id: `papo-sms-send-${message.id}`, name: "papo/sms.send", data: { organizationId, messageId: message.id } });
  return { message, created: !!row };
}
