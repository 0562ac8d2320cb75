import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messages } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { queueSmsMessage } from "@/lib/sms/queue-sms-message";

/**
 * Meta's refusals that no retry changes and that an SMS can get around: 131026 (undeliverable: not on WhatsApp, old
 * app, …), 131050 (the contact stopped marketing messages), 132015/132016 (template paused / disabled).
 */
export const SMS_FALLBACK_CODES = new Set([131026, 131050, 132015, 132016]);

/**
 * After a notification's WhatsApp message failed: if it asked for `fallback: "sms"` and Meta's reason is one of
 * SMS_FALLBACK_CODES, stores the SMS as a message of the same conversation (key `sms-fallback:<message id>`, so a
 * re-run of this step stores nothing more) and marks the WhatsApp row as having gone by SMS. Null when no SMS is due.
 * The SMS row is queued here and sent by the caller's next step (its papo/sms.send event is a no-op for a sent row).
 */
export async function smsFallbackFor(organizationId: string, messageId: string): Promise<{ smsMessageId: string } | null> {
  const db = getDb();
  const [row] = await db
    .select({ message: messages, conversation: conversations, contact: contacts })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)));
  if (!row || row.message.status !== "failed") return null;
  const notification = (row.message.content.notification ?? {}) as { fallback?: string; smsText?: string | null };
  if (notification.fallback !== "sms" || !notification.smsText || !SMS_FALLBACK_CODES.has(row.message.errorCode ?? -1)) return null;
  let message;
  try {
    ({ message } = await queueSmsMessage(organizationId, row, {
      body: notification.smsText,
      reason: `whatsapp_${row.message.errorCode}`,
      idempotencyKey: `sms-fallback:${messageId}`,
      senderUserId: row.message.senderUserId,
      fallbackOf: messageId,
      dispatch: "caller",
    }));
  } catch (err) {
    // No gateway (removed since) or no phone number: the WhatsApp failure stands, nothing to retry.
    if (err instanceof AppError) return null;
    throw err;
  }
  await db
    .update(messages)
    .set({ deliveryPath: "sms", content: sql`${messages.content} || ${JSON.stringify({ smsFallback: { messageId: message.id } })}::jsonb` })
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)));
  return { smsMessageId: message.id };
}
