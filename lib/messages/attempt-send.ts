import { and, eq, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { env } from "@/lib/env";
import { callbackDataFor } from "@/lib/whatsapp/graph/callback-data";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { GraphApiError, type GraphApiErrorJson } from "@/lib/whatsapp/graph/graph-error";
import { explainGraphError } from "@/lib/whatsapp/graph/explain-graph-error";
import { isFreeform } from "@/lib/whatsapp/graph/message-schema";
import type { Recipient } from "@/lib/whatsapp/graph/build-send-body";
import { canSendFreeform, OUTSIDE_WINDOW } from "@/lib/whatsapp/window/can-send-freeform";
import { sendThroughEvolution } from "@/lib/evolution/send-through-evolution";
import { providerCapabilities } from "./providers/provider-capabilities";
import { markSendFailed } from "./mark-send-failed";
import { parseOutboundContent } from "./outbound-content";
import type { SendFailure } from "./send-failure";
import { storeWamid } from "./store-wamid";
import { takeSendSlot } from "./take-send-slot";

/** Sends after ambiguous failures, in all: after the last one's grace period the message is marked failed. */
export const MAX_AMBIGUOUS_SENDS = 3;

/**
 * What one attempt at sending a queued outbound row came to. Terminal: `accepted` (wamid stored), `already` (sent
 * before, or a status got there first), `failed` (row failed, never retry). The caller then: `retry` — a clear
 * rejection, nothing was sent: retry after `afterMs` (Meta's throughput hint) or the executor's backoff;
 * `ambiguous` — Meta may have it: wait for a status naming it, then send again; `blocked` — an earlier message of
 * the conversation is in doubt: wait until it is settled (order after an ambiguous failure); `throttled` — the
 * channel's send rate is used up for now: wait `waitMs` and try again.
 */
export type SendAttempt =
  | { kind: "accepted"; waMessageId: string }
  | { kind: "already"; status: string; waMessageId: string | null }
  | { kind: "failed"; title: string }
  | { kind: "retry"; message: string; afterMs?: number }
  | { kind: "ambiguous"; error: GraphApiErrorJson }
  | { kind: "blocked"; blockerId: string }
  | { kind: "throttled"; waitMs: number };

/**
 * One attempt at sending a queued outbound row through the Graph API, at most once as far as Papo can know
 * (lib/whatsapp/graph/SENDING.md): re-reads the row (never sends one that has a wamid or left `queued`), refuses
 * what can never go (channel off, invalid content, window closed, no recipient) by failing the row, waits behind
 * an earlier message of the conversation that is in doubt, takes a slot of the channel's send rate, and sends with
 * Papo's id in `biz_opaque_callback_data`. `attempt` is the executor's attempt number (logged by the Graph client).
 */
export async function attemptSend(organizationId: string, messageId: string, attempt = 0): Promise<SendAttempt> {
  const db = getDb();
  const grace = env().WHATSAPP_SEND_DOUBT_GRACE_SECONDS;
  // In the same statement: an earlier outbound message of this conversation whose send failed ambiguously and is not
  // settled yet (no wamid, still queued). A doubt older than every grace its sender can wait is abandoned: that
  // sender is gone, and the conversation must not stay blocked.
  const [row] = await db
    .select({
      message: messages,
      conversation: conversations,
      contact: contacts,
      channel: channels,
      blockerId: sql<string | null>`(select m2.id from messages m2
        where m2.conversation_id = ${messages.conversationId} and m2.id <> ${messages.id} and m2.direction = 'outbound'
          and m2.status = 'queued' and m2.wa_message_id is null and m2.send_doubt_since is not null
          and m2.send_doubt_since > now() - make_interval(secs => ${grace * (MAX_AMBIGUOUS_SENDS + 1)})
          and m2.created_at <= ${messages.createdAt}
        order by m2.created_at limit 1)`,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.direction, "outbound")));
  if (!row) return { kind: "failed", title: `Outbound message ${messageId} does not exist` };
  const { message, conversation, contact, channel } = row;
  // Sent before (a previous attempt whose result was lost, or a status webhook got here first): never twice.
  if (message.status !== "queued" || message.waMessageId) return { kind: "already", status: message.status, waMessageId: message.waMessageId };
  if (row.blockerId) return { kind: "blocked", blockerId: row.blockerId };

  const fail = async (f: SendFailure): Promise<SendAttempt> => {
    await markSendFailed(organizationId, messageId, f);
    return { kind: "failed", title: `${f.title}${f.details ? `: ${f.details}` : ""}` };
  };
  if (channel.deletedAt || channel.status !== "active" || !channel.accessTokenEncrypted) {
    return fail({ code: null, title: "Channel cannot send", explanation: "The WhatsApp channel is disabled, deleted or has no access token. Reconnect it." });
  }
  let parsed: ReturnType<typeof parseOutboundContent>;
  try {
    parsed = parseOutboundContent(message.content);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    return fail({ code: null, title: "Invalid message", details: err.issues.map((i) => i.message).join("; "), explanation: "The message breaks a WhatsApp limit." });
  }
  if (channel.provider === "evolution" && channel.connectionState !== "open") {
    return fail({ code: null, title: "Number not connected", explanation: "The Evolution number is not linked to a phone right now. Open the number in Settings → Channels and scan the QR code again." });
  }
  if (providerCapabilities(channel.provider).window && isFreeform(parsed.message) && !canSendFreeform(conversation, new Date())) {
    // Refused here, without calling Meta: 131047 is Meta's code for the same refusal, so the inbox has one case.
    return fail({ code: 131047, title: "Outside the 24-hour window (not sent)", reason: OUTSIDE_WINDOW, explanation: explainGraphError(131047, "never") });
  }
  const recipient = recipientOf(contact);
  if (!recipient) return fail({ code: null, title: "No recipient", explanation: "The contact has no phone number or WhatsApp id." });

  const waitMs = await takeSendSlot(db, channel.id, env().WHATSAPP_SEND_RATE_PER_SECOND);
  if (waitMs === null) return { kind: "throttled", waitMs: 1000 };
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));

  try {
    const sent =
      channel.provider === "evolution"
        ? await sendThroughEvolution(channel, recipient, parsed.message, { replyTo: parsed.replyTo })
        : await graphClientForChannel(channel).send(recipient, parsed.message, {
            replyTo: parsed.replyTo,
            callbackData: callbackDataFor(messageId),
            attempt,
          });
    await storeWamid(organizationId, messageId, sent.waMessageId);
    return { kind: "accepted", waMessageId: sent.waMessageId };
  } catch (err) {
    if (!(err instanceof GraphApiError)) throw err;
    if (err.retry === "ambiguous") {
      // Meta may have it: the conversation's later sends wait until a status or the grace settles it.
      await db
        .update(messages)
        .set({ sendDoubtSince: sql`coalesce(${messages.sendDoubtSince}, now())` })
        .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), sql`${messages.waMessageId} is null`));
      return { kind: "ambiguous", error: err.toJSON() };
    }
    // A clear rejection: nothing was sent; retried (after Meta's throughput hint when it gave one).
    if (err.retry === "safe") return { kind: "retry", message: err.message, afterMs: err.retryAfterMs };
    return fail({ code: err.code, title: err.title, details: err.details, explanation: err.explanation, fbtraceId: err.fbtraceId, httpStatus: err.httpStatus });
  }
}

function recipientOf(contact: typeof contacts.$inferSelect): Recipient | null {
  if (contact.phoneE164) return { to: contact.phoneE164 };
  if (contact.waId) return { to: contact.waId };
  if (contact.userId) return { recipient: contact.userId };
  return null;
}
