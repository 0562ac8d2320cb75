import { and, eq, isNull, sql } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { parseOutboundContent } from "@/lib/messages/outbound-content";
import { callbackDataFor } from "@/lib/whatsapp/graph/callback-data";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { GraphApiError, type GraphApiErrorJson } from "@/lib/whatsapp/graph/graph-error";
import { explainGraphError } from "@/lib/whatsapp/graph/explain-graph-error";
import { isFreeform } from "@/lib/whatsapp/graph/message-schema";
import type { Recipient } from "@/lib/whatsapp/graph/build-send-body";
import { canSendFreeform, OUTSIDE_WINDOW } from "@/lib/whatsapp/window/can-send-freeform";
import { applyPendingStatuses } from "@/lib/whatsapp/ingest/apply-pending-statuses";
import { publishMessageChanged } from "@/lib/realtime/publish-message-changed";
import { inngest, messageSend, messageStatus } from "../client";

/** How long to wait for a status webhook after an ambiguous failure before sending again (SENDING.md). */
export const STATUS_GRACE = "10m";
/** Sends after ambiguous failures, in all: after the last one's grace period the message is marked failed. */
export const MAX_AMBIGUOUS_SENDS = 3;

/**
 * Meta caps each business number's throughput (80 messages/s by default) and answers 130429 past it. Rather than
 * only backing off after the fact, runs start at most WHATSAPP_SEND_RATE_PER_SECOND per second per channel: a
 * campaign to thousands queues behind its own number and never holds another channel back. The throttle counts run
 * starts (one run = one message); retries of a run are rare and are not counted, which 130429's backoff covers.
 * `limit` is a getter: the SDK reads it at registration, not when `next build` imports this module.
 */
export function sendThrottle() {
  return {
    key: "event.data.channelId",
    period: "1s" as const,
    get limit() {
      return env().WHATSAPP_SEND_RATE_PER_SECOND;
    },
  };
}

type Attempt =
  | { kind: "accepted"; waMessageId: string }
  | { kind: "already"; status: string; waMessageId: string | null }
  | { kind: "ambiguous"; error: GraphApiErrorJson };

/**
 * Sends one queued outbound message through the Graph API, at most once as far as Papo can know (SENDING.md).
 * Clear rejections that are worth retrying (130429 throughput, network failures before the request left) are
 * retried by the executor with backoff; permanent rejections fail the row with Meta's error and an explanation;
 * ambiguous failures wait for a status webhook carrying this message's id before sending again.
 */
export const sendMessage = inngest.createFunction(
  {
    id: "send-message",
    triggers: [messageSend],
    retries: 6,
    throttle: sendThrottle(),
    // One send at a time per conversation, claimed in queue order: a bot's three messages reach the customer in the
    // order they were queued. (A send that backs off after a safe failure can still be overtaken: ordering is
    // best effort across retries, exact otherwise.)
    concurrency: { limit: 1, key: "event.data.conversationId" },
    onFailure: async ({ event, error }) => {
      const { organizationId, messageId } = event.data.event.data as { organizationId: string; messageId: string };
      await markFailed(organizationId, messageId, { code: null, title: "Could not send", details: error.message, explanation: explainGraphError(null, "safe") });
    },
  },
  async ({ event, step, attempt }) => {
    const { organizationId, messageId } = event.data;
    for (let round = 0; round < MAX_AMBIGUOUS_SENDS; round++) {
      // A new step id per send: the memoized result of an earlier send is never mistaken for this one's.
      const result = await step.run(`send-${round}`, () => attemptSend(organizationId, messageId, attempt));
      if (result.kind !== "ambiguous") return result;
      const status = await step.waitForEvent(`await-status-${round}`, {
        event: messageStatus,
        if: "async.data.messageId == event.data.messageId && async.data.organizationId == event.data.organizationId",
        timeout: STATUS_GRACE,
      });
      if (status) {
        // Meta had accepted it after all: keep its wamid and let the statuses waiting for it apply.
        await step.run(`record-status-${round}`, () => storeWamid(organizationId, messageId, status.data.waMessageId));
        return { kind: "confirmed-by-status", waMessageId: status.data.waMessageId, status: status.data.status } as const;
      }
    }
    await step.run("give-up", () =>
      markFailed(organizationId, messageId, {
        code: null,
        title: "Delivery unknown",
        details: `No answer from WhatsApp after ${MAX_AMBIGUOUS_SENDS} attempts and no status webhook within ${STATUS_GRACE} of each`,
        explanation: "WhatsApp never confirmed this message. It may or may not have reached the contact; check before sending it again.",
      }),
    );
    return { kind: "unknown" } as const;
  },
);

async function attemptSend(organizationId: string, messageId: string, attempt: number): Promise<Attempt> {
  const db = getDb();
  const [row] = await db
    .select({ message: messages, conversation: conversations, contact: contacts, channel: channels })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.direction, "outbound")));
  if (!row) throw new NonRetriableError(`Outbound message ${messageId} does not exist`);
  const { message, conversation, contact, channel } = row;
  // Sent before (a previous attempt whose result was lost, or a status webhook got here first): never twice.
  if (message.status !== "queued" || message.waMessageId) return { kind: "already", status: message.status, waMessageId: message.waMessageId };

  const fail = async (f: Failure): Promise<never> => {
    await markFailed(organizationId, messageId, f);
    throw new NonRetriableError(`${f.title}${f.details ? `: ${f.details}` : ""}`);
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
  if (isFreeform(parsed.message) && !canSendFreeform(conversation, new Date())) {
    // Refused here, without calling Meta: 131047 is Meta's code for the same refusal, so the inbox has one case.
    return fail({ code: 131047, title: "Outside the 24-hour window (not sent)", reason: OUTSIDE_WINDOW, explanation: explainGraphError(131047, "never") });
  }
  const recipient = recipientOf(contact);
  if (!recipient) return fail({ code: null, title: "No recipient", explanation: "The contact has no phone number or WhatsApp id." });

  try {
    const sent = await graphClientForChannel(channel).send(recipient, parsed.message, {
      replyTo: parsed.replyTo,
      callbackData: callbackDataFor(messageId),
      attempt,
    });
    await storeWamid(organizationId, messageId, sent.waMessageId);
    return { kind: "accepted", waMessageId: sent.waMessageId };
  } catch (err) {
    if (!(err instanceof GraphApiError)) throw err;
    if (err.retry === "ambiguous") return { kind: "ambiguous", error: err.toJSON() };
    if (err.retry === "safe") {
      // A clear rejection: nothing was sent, the executor retries this step (after Meta's throughput hint).
      if (err.retryAfterMs !== undefined) throw new RetryAfterError(err.message, err.retryAfterMs, { cause: err });
      throw err;
    }
    return fail({ code: err.code, title: err.title, details: err.details, explanation: err.explanation, fbtraceId: err.fbtraceId, httpStatus: err.httpStatus });
  }
}

function recipientOf(contact: typeof contacts.$inferSelect): Recipient | null {
  if (contact.phoneE164) return { to: contact.phoneE164 };
  if (contact.waId) return { to: contact.waId };
  if (contact.userId) return { recipient: contact.userId };
  return null;
}

/** Stores Meta's id once (status stays `queued` = accepted; `sent` comes by webhook), then applies early statuses. */
async function storeWamid(organizationId: string, messageId: string, waMessageId: string) {
  const db = getDb();
  const [row] = await db
    .update(messages)
    .set({ waMessageId })
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), isNull(messages.waMessageId)))
    .returning({ channelId: messages.channelId });
  if (row) await applyPendingStatuses(db, { channelId: row.channelId, waMessageIds: [waMessageId] });
  // The inbox shows the wamid (and any early status just applied); never throws.
  if (row) await publishMessageChanged(organizationId, messageId);
}

type Failure = {
  code: number | null;
  title: string;
  details?: string | null;
  explanation: string;
  reason?: string;
  fbtraceId?: string | null;
  httpStatus?: number | null;
};

/** Only a message still queued can fail here: a status webhook that moved it on knows better. */
async function markFailed(organizationId: string, messageId: string, f: Failure) {
  const failure = { reason: f.reason, explanation: f.explanation, fbtraceId: f.fbtraceId ?? null, httpStatus: f.httpStatus ?? null };
  const failed = await getDb()
    .update(messages)
    .set({
      status: "failed",
      failedAt: new Date(),
      errorCode: f.code,
      errorTitle: f.title,
      errorDetails: f.details ?? null,
      content: sql`${messages.content} || ${JSON.stringify({ failure })}::jsonb`,
    })
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), eq(messages.status, "queued")))
    .returning({ id: messages.id });
  // The inbox shows the failure and Meta's reason at once; never throws.
  if (failed.length) await publishMessageChanged(organizationId, messageId);
}
