import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversations, messages, pendingStatuses, type Message } from "@/db/schema";
import type { InboundMessage } from "../webhook/message-schema";
import type { WebhookContact } from "../webhook/messages-value-schema";
import { normalizePhone } from "../normalize-phone";
import { upsertContact } from "./upsert-contact";
import { findOrCreateConversation } from "./find-or-create-conversation";
import { applyPendingStatuses } from "./apply-pending-statuses";
import { applyNumberChange } from "./apply-number-change";
import { identityLockKeys, lockContactIdentities } from "./lock-contact-identities";
import { mediaOf } from "@/lib/media/media-of";
import { inboundActivity } from "@/lib/inbox/inbound-activity";
import { messagePreview } from "@/lib/inbox/message-preview";
import { storableJson } from "./storable-json";
import { clampTimestamp, int32OrNull } from "./item-limits";

const WINDOW_MS = 24 * 60 * 60 * 1000;

export type IngestResult = "inserted" | "duplicate" | "reaction-updated";
/**
 * `mediaPending`: the message was inserted with media to download (`content.media.status = "pending"`).
 * `announce`: the message is new to Papo — inserted now, or inserted by an earlier attempt of the same webhook row
 * whose result was lost in a crash — and is a customer's (not a system notice): process-webhook-event emits
 * papo/message.received for it (event id = message id, so the retry case is sent once).
 */
export type IngestOutcome = {
  result: IngestResult;
  messageId?: string;
  mediaPending?: boolean;
  announce?: { messageId: string; conversationId: string; contactId: string };
  /** What had to be replaced or clamped to store it (also in `content.papo_notes`). */
  notes?: string[];
  /** Inserted now: the row as committed, and whether its conversation started with it (for the inbox push). */
  stored?: { row?: Message; conversationCreated: boolean; contactBlocked: boolean };
};

class Duplicate extends Error {}

/**
 * Stores one inbound message: contact upsert → conversation find-or-create → message insert, in one transaction.
 * Idempotent on (channel, wamid): a repeated delivery changes nothing (checked before any side effect, and the
 * insert is ON CONFLICT DO NOTHING with a rollback if it still lost a race). Reactions are the exception Meta
 * forces: add and remove reuse one wamid, so the stored reaction takes the newer of the two.
 * The 24 h window is last inbound + 24 h, computed with greatest() so an old message processed late never
 * shortens it. System notices are from WhatsApp, not the user: they open no window.
 * A media message (image, video, audio, document, sticker) is inserted with `content.media = { status: "pending" }`;
 * lib/media/download-inbound-media.ts replaces it with the attachment's id and status.
 * Odd values are stored, not refused: NUL / lone surrogates become U+FFFD and absurd nesting is cut (storableJson),
 * an out-of-range timestamp becomes the webhook's arrival time, an error code that fits no integer column is kept
 * only in the content — each with a note in `content.papo_notes`; the signed original stays in the webhook row.
 * Cost of a new message: BEGIN, the duplicate check, one statement for the identity locks, the contact (select +
 * insert or update), the contact lock (only for a contact that existed: one created here is invisible to others
 * until commit), the conversation (select — none for a contact created here —, + insert with the message's
 * activity, or reopen), the message insert
 * (which also tells whether the channel has any pending status), the conversation's activity (an existing one
 * only), the sweep of the channel's pending statuses (only when it has some), COMMIT.
 */
export async function ingestInboundMessage(
  db: Db,
  args: {
    organizationId: string;
    channelId: string;
    message: InboundMessage;
    contacts: WebhookContact[];
    webhookEventId?: string;
    /** The webhook's arrival: stands in for a timestamp out of range. */
    receivedAt?: Date;
  },
): Promise<IngestOutcome> {
  const { organizationId, channelId } = args;
  const { value: message, notes } = storableJson(args.message);
  const at = clampTimestamp(message.timestamp, args.receivedAt ?? new Date(), notes);
  const mediaPending = mediaOf({ type: message.type, content: message as unknown as Record<string, unknown> }) !== null;
  const firstError = message.errors?.[0];
  const errorCode = int32OrNull(firstError?.code, notes);
  const content = {
    ...(message as unknown as Record<string, unknown>),
    ...(mediaPending ? { media: { status: "pending" } } : {}),
    // Which stored webhook created the row: a retry of that webhook's processing (its first result lost in a crash)
    // still announces the message; a redelivery (another row) does not.
    ...(args.webhookEventId ? { papo_webhook_event_id: args.webhookEventId } : {}),
    ...(notes.length ? { papo_notes: notes } : {}),
  };
  const noted = notes.length ? { notes } : {};
  const announces = message.type !== "system";
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({
          id: messages.id,
          conversationId: messages.conversationId,
          contactId: conversations.contactId,
          webhookEventId: sql<string | null>`${messages.content}->>'papo_webhook_event_id'`,
          mediaStatus: sql<string | null>`${messages.content}->'media'->>'status'`,
        })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(and(eq(messages.channelId, channelId), eq(messages.waMessageId, message.id)));
      if (existing) {
        if (announces && args.webhookEventId && existing.webhookEventId === args.webhookEventId) {
          const announce = { messageId: existing.id, conversationId: existing.conversationId, contactId: existing.contactId };
          return { result: "duplicate" as const, messageId: existing.id, mediaPending: existing.mediaStatus === "pending", announce };
        }
        if (message.type !== "reaction") return { result: "duplicate" as const };
        const updated = await tx
          .update(messages)
          .set({ content })
          .where(
            and(
              eq(messages.id, existing.id),
              // numeric: a timestamp too large for bigint must not fail the comparison.
              sql`coalesce((${messages.content}->>'timestamp')::numeric, 0) < ${String(message.timestamp)}::numeric`,
            ),
          )
          .returning({ id: messages.id });
        if (!updated.length) return { result: "duplicate" as const };
        return { result: "reaction-updated" as const, messageId: existing.id, ...noted };
      }

      const profile = args.contacts.find(
        (c) => (message.from_user_id && c.user_id === message.from_user_id) || (message.from && c.wa_id === message.from),
      );
      const waId = message.from ?? profile?.wa_id ?? null;
      const opensWindow = message.type !== "system";
      const who = { waId, userId: message.from_user_id ?? profile?.user_id ?? null, phoneE164: normalizePhone(waId) };
      // Different customers are processed in parallel: serialise this person's find-or-create (contact, then
      // conversation) against any other transaction storing a message from them.
      await lockContactIdentities(tx, identityLockKeys(channelId, who));
      const contact = await upsertContact(tx, {
        organizationId,
        channelId,
        ...who,
        profileName: profile?.profile?.name ?? null,
        inboundAt: opensWindow ? at : null,
      });
      const contactId = contact.id;
      if (!contact.created) await lockContactIdentities(tx, [`contact:${contactId}`]);
      const windowExpiresAt = new Date(at.getTime() + WINDOW_MS);
      const conversation = await findOrCreateConversation(tx, {
        organizationId,
        channelId,
        contactId,
        at,
        reopens: message.type !== "reaction" && message.type !== "system",
        contactCreated: contact.created,
        // A conversation that starts with this message starts with its activity (no update after the insert).
        onCreate: {
          unreadCount: message.type !== "reaction" && message.type !== "system" && !contact.blocked ? 1 : 0,
          lastMessagePreview: messagePreview(message.type, content),
          lastMessageDirection: "inbound",
          lastMessageAt: at,
          ...(opensWindow ? { windowExpiresAt } : {}),
        },
      });
      const conversationId = conversation.id;
      const inserted = await tx
        .insert(messages)
        .values({
          organizationId,
          channelId,
          conversationId,
          direction: "inbound",
          type: message.type,
          content,
          waMessageId: message.id,
          status: "received",
          sender: "contact",
          errorCode,
          errorTitle: firstError?.title ?? firstError?.message ?? null,
          errorDetails: firstError?.error_data?.details ?? null,
          // The user's send time orders the thread, whatever order Meta delivered the webhooks in.
          createdAt: at,
        })
        .onConflictDoNothing()
        // Whether the channel has pending statuses at all, in the same statement: the sweep below is then skipped
        // in the common case (none), where it cost a statement per inbound message.
        .returning({ ...getTableColumns(messages), pendingStatuses: sql<boolean>`exists (select 1 from ${pendingStatuses} where ${pendingStatuses.channelId} = ${channelId})` });
      if (!inserted.length) throw new Duplicate();
      const { pendingStatuses: anyPending, ...row } = inserted[0];
      if (!conversation.created) {
        await tx
          .update(conversations)
          .set({
            // Inbox list columns (unread, preview), in this transaction so a redelivered webhook counts nothing.
            ...inboundActivity(message.type, content, at),
            lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
            ...(opensWindow
              ? { windowExpiresAt: sql`greatest(${conversations.windowExpiresAt}, ${windowExpiresAt.toISOString()}::timestamptz)` }
              : {}),
          })
          .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId)));
      }
      if (message.type === "system") {
        await applyNumberChange(tx, { organizationId, channelId, contactId, system: message.system, at, waMessageId: message.id });
      }
      // The channel's pending statuses whose message now exists (any the sending side left behind): the sweep a new
      // message owes the channel, only when the insert saw any pending status on it.
      const statusesApplied = anyPending ? await applyPendingStatuses(tx, { channelId }) : 0;
      const messageId = row.id;
      const outcome = {
        result: "inserted" as const,
        messageId,
        mediaPending,
        ...noted,
        ...(announces ? { announce: { messageId, conversationId, contactId } } : {}),
        // A pending status applied since the insert changed the row: the push then reads it again.
        stored: { row: statusesApplied ? undefined : row, conversationCreated: conversation.created, contactBlocked: contact.blocked },
      };
      return outcome;
    });
  } catch (err) {
    if (err instanceof Duplicate) return { result: "duplicate" };
    throw err;
  }
}
