import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db";
import { channels, contacts, conversations, messages, templates, type Message } from "@/db/schema";
import { sendRefusal } from "@/lib/contacts/marketing-refusal";
import { AppError, conflict, notFound } from "@/lib/errors";
import { sendJobEvents } from "@/lib/jobs";
import { isFreeform, outboundMessage, type OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import { assertTemplateParameters } from "@/lib/whatsapp/templates/assert-template-parameters";
import { assertCanSendFreeform } from "@/lib/whatsapp/window/can-send-freeform";
import { budgetRefusal } from "@/lib/spend/budget-refusal";
import { outboundContent } from "./outbound-content";
import { providerCapabilities } from "./providers/provider-capabilities";
import { onMessageStored } from "@/lib/inbox/on-message-stored";

export type QueueOutboundMessageInput = {
  organizationId: string;
  conversationId: string;
  message: OutboundMessageInput;
  sender: "user" | "bot" | "campaign";
  senderUserId?: string | null;
  /** wamid of the message being replied to. */
  replyTo?: string;
  /**
   * The caller's key for "this one send" (a composer draft id, `flow:<session>:<node>`, `campaign:<id>:<contact>`),
   * unique per organization: queueing twice with the same key returns the first message and sends nothing more.
   */
  idempotencyKey?: string;
  now?: Date;
  /**
   * Who sends the row: `send-message` (default: the inbox, campaigns — one durable run per message, throttled per
   * channel) or `caller`, which sends it itself in its own durable step (a bot reply inside process-webhook-event's
   * run, lib/flows/runtime/send-flow-reply.ts).
   */
  dispatch?: "send-message" | "caller";
  /** A bot's message: refused (409, nothing stored) when a person owns the conversation. */
  botReply?: boolean;
  /**
   * A message the business starts (a notification, a campaign's; campaigns are by default): send-message paces it
   * on an Evolution number (lib/evolution/proactive-pacing.ts). Replies in a conversation are never paced.
   */
  proactive?: boolean;
};

/**
 * Creates the outbound message row (status `queued`) and hands it to the durable send (papo/message.send). Refuses
 * a free-form message outside the 24-hour window with an OutsideWindowError, and a template that is unknown for the
 * channel's WABA, not APPROVED, or sent with parameters that do not match its placeholders with a
 * TemplateSendError (422) — both before anything is stored, so Meta is never called.
 *
 * **Idempotency contract** (flows, the inbox composer and campaigns rely on it): with an `idempotencyKey`, every
 * call with the same key in the same organization — sequential or concurrent, from any process — returns the same
 * message row; exactly one call gets `created: true`, the others `created: false`, and WhatsApp gets one message.
 * The first call's content wins: a later call is not compared with it, and is not re-validated (a window that has
 * closed since does not turn the existing message into an error). The key is stored in `messages.idempotency_key`
 * (unique per organization) and echoed in `content.idempotencyKey`. A key already used by an inbound row is a 409.
 */
export async function queueOutboundMessage(input: QueueOutboundMessageInput): Promise<{ message: Message; created: boolean }> {
  const message = outboundMessage.parse(input.message);
  const now = input.now ?? new Date();
  const key = input.idempotencyKey;
  // No transaction: every check is a read, and the one write is the insert, whose unique key settles a race between
  // two callers on its own (BEGIN and COMMIT were two of the nine statements of a bot reply's path to Meta).
  const result = await (async (tx: Db) => {
    // One read: the conversation, its number's provider (what it can do decides the checks below), its contact's
    // consent and block, the message already stored under this key (if any), and whether the conversation has any
    // message yet (for the inbox push: conversation.created).
    const [found] = await tx
      .select({
        conversation: conversations,
        provider: channels.provider,
        contact: { optIn: contacts.optIn, blocked: contacts.blocked },
        existing: messages,
        hasMessages: sql<boolean>`exists (select 1 from messages m where m.organization_id = ${conversations.organizationId} and m.conversation_id = ${conversations.id})`,
      })
      .from(conversations)
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(messages, key ? and(eq(messages.organizationId, conversations.organizationId), eq(messages.idempotencyKey, key)) : sql`false`)
      .where(and(eq(conversations.organizationId, input.organizationId), eq(conversations.id, input.conversationId)));
    if (!found) throw notFound("Conversation");
    const { conversation } = found;
    const can = providerCapabilities(found.provider);
    if (input.botReply && conversation.owner === "human") throw new AppError("conflict", "a person owns the conversation");
    if (found.existing) return { message: checkedKeyOwner(found.existing), created: false, firstInConversation: false };
    if (isFreeform(message) && can.window) assertCanSendFreeform(conversation, now);
    if (message.type === "template" && !can.templates) {
      throw new AppError("invalid_input", "Templates exist only on the official WhatsApp Cloud API; this number sends free-form messages at any time", [{ path: "message.type", message: "not available on this number" }]);
    }
    const template = message.type === "template" ? await findTemplate(tx, input.organizationId, conversation.channelId, message) : undefined;
    // Consent and block (issue #12): blocked contacts get nothing, opted-out ones no marketing template.
    const refusal = sendRefusal(found.contact, categoryOf(template?.category));
    if (refusal) throw new AppError(refusal.code, refusal.message);
    if (message.type === "template") {
      assertTemplateParameters(template, message);
      const budget = await budgetRefusal(tx, input.organizationId, template?.category, now);
      if (budget) throw new AppError("conflict", budget.message, [{ path: "budget", message: budget.code }]);
    }
    // A concurrent caller with the same key blocks on the unique index until our insert commits, then inserts
    // nothing and reads our row (below): no lock needed, and it holds across processes.
    const [row] = await tx
      .insert(messages)
      .values({
        organizationId: input.organizationId,
        channelId: conversation.channelId,
        conversationId: conversation.id,
        direction: "outbound",
        type: message.type,
        content: outboundContent(message, { replyTo: input.replyTo, idempotencyKey: key }),
        idempotencyKey: key ?? null,
        status: "queued",
        sender: input.sender,
        senderUserId: input.senderUserId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return { message: row, created: true, firstInConversation: !found.hasMessages };
    const winner = key ? await findByKey(tx, input.organizationId, key) : undefined;
    if (!winner) throw new Error("Outbound message insert conflicted without an idempotency key");
    return { message: winner, created: false, firstInConversation: false };
  })(getDb());
  // Also for an existing row: if the first caller crashed between commit and send, this one completes the hand-off.
  // The event id makes the executor start one run per message, however many times this is sent.
  // Committed: move the inbox's preview and push message.created (never throws).
  // The row just inserted is what the push shows (its sender's name is only read for a person's message).
  if (result.created) {
    await onMessageStored(input.organizationId, result.message.id, {
      row: result.message.senderUserId ? undefined : { m: result.message, senderName: null },
      conversationCreated: result.firstInConversation,
    });
  }
  if (result.message.status === "queued" && input.dispatch !== "caller") await enqueueSend(result.message, { proactive: input.proactive ?? input.sender === "campaign" });
  return { message: result.message, created: result.created };
}

async function findByKey(tx: Db, organizationId: string, key: string): Promise<Message | undefined> {
  const [row] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, organizationId), eq(messages.idempotencyKey, key)));
  return row && checkedKeyOwner(row);
}

function checkedKeyOwner(row: Message): Message {
  if (row.direction !== "outbound") throw conflict("This idempotency key is already used by another message", "idempotencyKey");
  return row;
}

/** Hands a queued row to send-message. Safe to call again for the same row: the event id makes one run per message. */
export async function enqueueSend(message: Pick<Message, "id" | "organizationId" | "channelId" | "conversationId">, opts: { proactive?: boolean } = {}) {
  await sendJobEvents({
    id: `papo-message-send-${message.id}`,
    name: "papo/message.send",
    data: {
      organizationId: message.organizationId,
      messageId: message.id,
      channelId: message.channelId,
      conversationId: message.conversationId,
      ...(opts.proactive ? { proactive: true } : {}),
    },
  });
}

/** The template of that name and language for the WhatsApp Business Account of the conversation's channel. */
async function findTemplate(tx: Db, organizationId: string, channelId: string, message: { name: string; language: string }) {
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

/** A template's category as Meta names it (MARKETING, UTILITY, AUTHENTICATION); anything else is a service message. */
function categoryOf(category: string | null | undefined): "marketing" | "utility" | "authentication" | "service" {
  const c = category?.toLowerCase();
  return c === "marketing" || c === "utility" || c === "authentication" ? c : "service";
}
