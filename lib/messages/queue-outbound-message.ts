import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Tx } from "@/db";
import { channels, conversations, messages, templates, type Message } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { inngest } from "@/inngest/client";
import { isFreeform, outboundMessage, type OutboundMessageInput } from "@/lib/whatsapp/graph/message-schema";
import { assertTemplateParameters } from "@/lib/whatsapp/templates/assert-template-parameters";
import { assertCanSendFreeform } from "@/lib/whatsapp/window/can-send-freeform";
import { outboundContent } from "./outbound-content";

export type QueueOutboundMessageInput = {
  organizationId: string;
  conversationId: string;
  message: OutboundMessageInput;
  sender: "user" | "bot" | "campaign";
  senderUserId?: string | null;
  /** wamid of the message being replied to. */
  replyTo?: string;
  /**
   * The caller's key for "this one send" (a composer draft id, `flow:<session>:<node>`, `campaign:<id>:<contact>`):
   * queueing twice with the same key returns the first message and sends nothing more.
   */
  idempotencyKey?: string;
  now?: Date;
};

/**
 * Creates the outbound message row (status `queued`) and hands it to the durable send (papo/message.send). Refuses
 * a free-form message outside the 24-hour window with an OutsideWindowError, and a template that is unknown for the
 * channel's WABA, not APPROVED, or sent with parameters that do not match its placeholders with a
 * TemplateSendError (422) — both before anything is stored, so Meta is never called.
 */
export async function queueOutboundMessage(input: QueueOutboundMessageInput): Promise<{ message: Message; created: boolean }> {
  const message = outboundMessage.parse(input.message);
  const now = input.now ?? new Date();
  const result = await getDb().transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, input.organizationId), eq(conversations.id, input.conversationId)));
    if (!conversation) throw notFound("Conversation");
    if (input.idempotencyKey) {
      // Serialises callers with the same key; the key lives in content until messages gets its own column.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`papo-outbound:${input.organizationId}:${input.idempotencyKey}`}))`);
      const [existing] = await tx
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.organizationId, input.organizationId),
            eq(messages.direction, "outbound"),
            sql`${messages.content}->>'idempotencyKey' = ${input.idempotencyKey}`,
          ),
        )
        .limit(1);
      if (existing) return { message: existing, created: false };
    }
    if (isFreeform(message)) assertCanSendFreeform(conversation, now);
    if (message.type === "template") assertTemplateParameters(await findTemplate(tx, input.organizationId, conversation.channelId, message), message);
    const [row] = await tx
      .insert(messages)
      .values({
        organizationId: input.organizationId,
        channelId: conversation.channelId,
        conversationId: conversation.id,
        direction: "outbound",
        type: message.type,
        content: outboundContent(message, { replyTo: input.replyTo, idempotencyKey: input.idempotencyKey }),
        status: "queued",
        sender: input.sender,
        senderUserId: input.senderUserId ?? null,
      })
      .returning();
    return { message: row, created: true };
  });
  // Also for an existing row: if the first caller crashed between commit and send, this one completes the hand-off.
  // The event id makes the executor start one run per message, however many times this is sent.
  if (result.message.status === "queued") await enqueueSend(result.message);
  return result;
}

export async function enqueueSend(message: Pick<Message, "id" | "organizationId">) {
  await inngest.send({
    id: `papo-message-send-${message.id}`,
    name: "papo/message.send",
    data: { organizationId: message.organizationId, messageId: message.id },
  });
}

/** The template of that name and language for the WhatsApp Business Account of the conversation's channel. */
async function findTemplate(tx: Tx, organizationId: string, channelId: string, message: { name: string; language: string }) {
  const [row] = await tx
    .select({ template: templates })
    .from(channels)
    .innerJoin(
      templates,
      and(
        eq(templates.organizationId, channels.organizationId),
        eq(templates.wabaId, channels.wabaId),
        eq(templates.name, message.name),
        eq(templates.language, message.language),
      ),
    )
    .where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId)))
    .limit(1);
  return row?.template;
}
