import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, templates, type Message, type Template } from "@/db/schema";
import { sendRefusal } from "@/lib/contacts/marketing-refusal";
import { AppError } from "@/lib/errors";
import { sendJobEvents } from "@/lib/jobs";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { providerCapabilities } from "@/lib/messages/providers/provider-capabilities";
import { queueSmsMessage } from "@/lib/sms/queue-sms-message";
import { canSendFreeform, OutsideWindowError } from "@/lib/whatsapp/window/can-send-freeform";
import { buildTemplateMessage, renderTemplateBody } from "./build-template-message";
import type { NotificationInput } from "./notification-input";
import { resolveRecipient, type Recipient } from "./resolve-recipient";

/** Template states Meta will not send and that no retry changes: with `fallback: "sms"` the SMS goes instead. */
const UNSENDABLE_TEMPLATE = new Set(["PAUSED", "DISABLED"]);

export type SentNotification = { message: Message; created: boolean };

/**
 * One notification (lib/notifications/README.md): resolve channel, contact and conversation; refuse what must not
 * go (blocked contact, marketing to an opted-out contact, a text outside the 24-hour window) with a 409 naming the
 * reason, or — with `fallback: "sms"` — send it by SMS when WhatsApp cannot take it for a reason retrying will not
 * change; otherwise queue it on the one outbound path (queueOutboundMessage) under `messageKey`, so a second call
 * with the same key sends nothing more. With a fallback the durable send is papo/notification.send (the same
 * delivery steps, then the SMS if Meta refuses for good); without, the inbox's send-message.
 */
export async function sendNotification(
  organizationId: string,
  input: NotificationInput,
  opts: { messageKey: string; senderUserId: string | null },
): Promise<SentNotification> {
  const recipient = await resolveRecipient(organizationId, { phone: input.to, userId: input.userId }, input.channelId, { needsTemplates: Boolean(input.template) });
  const template = input.template ? await findTemplate(organizationId, recipient, input.template) : undefined;
  const category = input.template ? ((template?.category ?? "utility").toLowerCase() as "marketing" | "utility" | "authentication") : "service";
  const sms = (reason: string) => {
    const body = input.smsText ?? input.text ?? (template && input.template ? renderTemplateBody(template.components, input.template) : null);
    if (!body) throw new AppError("invalid_input", "Nothing to say by SMS: give smsText", [{ path: "smsText", message: "required for this template" }]);
    return queueSmsMessage(organizationId, recipient, { body, reason, idempotencyKey: opts.messageKey, senderUserId: opts.senderUserId });
  };

  const refusal = sendRefusal(recipient.contact, category);
  if (refusal) {
    // Opting out of WhatsApp marketing is not opting out of SMS; a blocked contact gets nothing at all.
    if (input.fallback === "sms" && refusal.code === "contact_opted_out") return sms(refusal.code);
    throw new AppError("conflict", refusal.message, [{ path: "to", message: refusal.code }]);
  }
  if (input.fallback === "sms" && template && UNSENDABLE_TEMPLATE.has(template.status)) return sms(`template_${template.status.toLowerCase()}`);
  // An Evolution number has no 24-hour window: a text goes at any time.
  if (input.text && providerCapabilities(recipient.channel.provider).window && !canSendFreeform(recipient.conversation, new Date())) {
    if (input.fallback === "sms") return sms("outside_window");
    const closed = new OutsideWindowError(recipient.conversation.windowExpiresAt);
    throw new AppError("conflict", `${closed.message}: send this notification with a template`, [{ path: "window", message: "outside_window" }]);
  }

  const message = input.template ? buildTemplateMessage(input.template) : { type: "text" as const, body: input.text! };
  const queued = await queueOutboundMessage({
    organizationId,
    conversationId: recipient.conversation.id,
    message,
    sender: "user",
    senderUserId: opts.senderUserId,
    idempotencyKey: opts.messageKey,
    dispatch: input.fallback ? "caller" : "send-message",
    proactive: true,
  });
  if (queued.created) {
    const content = input.fallback ? { notification: { fallback: input.fallback, smsText: input.smsText ?? input.text ?? (template && input.template ? renderTemplateBody(template.components, input.template) : null) } } : { notification: {} };
    const [row] = await getDb()
      .update(messages)
      // jsonb || merges in SQL: the durable send may already be writing to this row's content.
      .set({ deliveryPath: "whatsapp", content: sql`${messages.content} || ${JSON.stringify(content)}::jsonb` })
      .where(and(eq(messages.organizationId, organizationId), eq(messages.id, queued.message.id)))
      .returning();
    queued.message = row ?? queued.message;
  }
  if (input.fallback && queued.message.status === "queued") {
    const m = queued.message;
    await sendJobEvents({
      id: `papo-notification-send-${m.id}`,
      name: "papo/notification.send",
      data: { organizationId, messageId: m.id, channelId: m.channelId, conversationId: m.conversationId },
    });
  }
  return queued;
}

async function findTemplate(organizationId: string, recipient: Recipient, t: { name: string; language: string }): Promise<Template | undefined> {
  const [row] = await getDb()
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.organizationId, organizationId),
        eq(templates.wabaId, recipient.channel.wabaId),
        eq(templates.name, t.name),
        eq(templates.language, t.language),
      ),
    )
    .limit(1);
  return row;
}
