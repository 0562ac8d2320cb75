import { and, eq, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { messages, pendingStatuses } from "@/db/schema";
import { recordMessageCost } from "@/lib/spend/record-message-cost";
import { messageIdFromCallbackData } from "../graph/callback-data";
import type { MessageStatus } from "../webhook/status-schema";
import { clampTimestamp, int32OrNull } from "./item-limits";

/** The status names Papo orders and stores in `messages.status`; anything else Meta sends is kept in `raw_status`. */
const KNOWN = new Set(["sent", "delivered", "read", "played", "failed"]);

const rank = (s: unknown) => sql`(case ${s} when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 when 'played' then 4 else 0 end)`;

/**
 * Applies one status webhook to its message, forward only: sent < delivered < read < played, so duplicates and
 * out-of-order deliveries (read before delivered) converge on the same row. Each status stamps its own timestamp
 * once. `failed` wins over anything before `delivered` and is then terminal: later statuses still stamp their
 * timestamps but never change the status or the error code/title/details. `pricing` is stored for the spend
 * dashboard: the first one seen, replaced by a delivered/read one (Meta's confirmed figure) when it comes.
 * A status for a wamid we do not know, whose `biz_opaque_callback_data` names one of our outbound rows that has no
 * wamid yet (the send's answer was lost), adopts that row: the wamid is stored and the status applied
 * ("adopted": the caller tells send-message with papo/message.status). Otherwise, "pending": the status is kept
 * in pending_statuses until the row appears.
 * A status name Papo does not know (`deleted`, `warning`…) never fails: it is stored as it came in
 * `messages.raw_status` (or kept pending like any other). A timestamp out of range stamps `receivedAt`, an error code
 * that fits no integer is left out of `error_code`; both add a line to `notes`.
 */
export async function applyStatus(
  db: Db,
  args: { organizationId: string; channelId: string; status: MessageStatus; receivedAt?: Date; notes?: string[]; knownTried?: boolean },
): Promise<"applied" | "adopted" | "pending"> {
  // knownTried: the caller already ran applyStatusToKnownMessage, which found no message with this wamid.
  if (!args.knownTried && (await updateByWamid(db, args))) return "applied";
  const messageId = messageIdFromCallbackData(args.status.biz_opaque_callback_data);
  if (messageId) {
    const adopted = await db
      .update(messages)
      .set({ waMessageId: args.status.id })
      .where(
        and(
          eq(messages.organizationId, args.organizationId),
          eq(messages.channelId, args.channelId),
          eq(messages.id, messageId),
          eq(messages.direction, "outbound"),
          isNull(messages.waMessageId),
        ),
      )
      .returning({ id: messages.id });
    if (adopted.length && (await updateByWamid(db, args))) return "adopted";
  }
  await db
    .insert(pendingStatuses)
    .values({
      organizationId: args.organizationId,
      channelId: args.channelId,
      waMessageId: args.status.id,
      status: args.status.status,
      payload: args.status as unknown as Record<string, unknown>,
    })
    .onConflictDoNothing();
  return "pending";
}

/**
 * The common case alone: the status of a message Papo knows by its wamid (its update and cost record in one
 * transaction of their own). False when no message has that wamid: then applyStatus (adopt or keep pending).
 */
export const applyStatusToKnownMessage = (
  db: Db,
  args: { organizationId: string; channelId: string; status: MessageStatus; receivedAt?: Date; notes?: string[] },
): Promise<boolean> => updateByWamid(db, args);

async function updateByWamid(
  db: Db,
  args: { organizationId: string; channelId: string; status: MessageStatus; receivedAt?: Date; notes?: string[] },
): Promise<boolean> {
  const s = args.status;
  const ofThisMessage = and(
    eq(messages.organizationId, args.organizationId),
    eq(messages.channelId, args.channelId),
    eq(messages.waMessageId, s.id),
  );
  if (!KNOWN.has(s.status)) {
    // Never cast an unknown name to the enum (that failed the whole webhook): keep it as it came.
    const updated = await db.update(messages).set({ rawStatus: s.status }).where(ofThisMessage).returning({ id: messages.id });
    if (updated.length) args.notes?.push(`unknown status "${s.status.slice(0, 40)}" kept as raw_status`);
    return updated.length > 0;
  }
  const notes = args.notes ?? [];
  const at = clampTimestamp(s.timestamp, args.receivedAt ?? new Date(), notes).toISOString();
  const error = s.errors?.[0];
  const errorCode = int32OrNull(error?.code, notes);
  const failedApplies = sql`(${s.status} = 'failed' and ${messages.status} <> 'failed' and ${rank(sql`${messages.status}::text`)} < 2)`;
  const stamp = (name: string, column: AnyPgColumn) =>
    s.status === name ? sql`coalesce(${column}, ${at}::timestamptz)` : sql`${column}`;
  // The update and the message's one cost record commit together: the update's row lock keeps two statuses of one
  // message from pricing it at once, and a crash between them cannot leave the spend rollup behind (a savepoint
  // when the caller already holds a transaction).
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(messages)
      .set({
        status: sql`(case
          when ${failedApplies} then 'failed'
          when ${messages.status} = 'failed' then ${messages.status}
          when ${rank(s.status)} > ${rank(sql`${messages.status}::text`)} then ${s.status}::message_status
          else ${messages.status} end)::message_status`,
        sentAt: stamp("sent", messages.sentAt),
        deliveredAt: stamp("delivered", messages.deliveredAt),
        readAt: stamp("read", messages.readAt),
        playedAt: stamp("played", messages.playedAt),
        failedAt: s.status === "failed" ? sql`case when ${failedApplies} then ${at}::timestamptz else ${messages.failedAt} end` : sql`${messages.failedAt}`,
        errorCode: error ? sql`case when ${failedApplies} then ${errorCode}::int else ${messages.errorCode} end` : sql`${messages.errorCode}`,
        errorTitle: error
          ? sql`case when ${failedApplies} then ${error.title ?? error.message ?? null}::text else ${messages.errorTitle} end`
          : sql`${messages.errorTitle}`,
        errorDetails: error
          ? sql`case when ${failedApplies} then ${error.error_data?.details ?? null}::text else ${messages.errorDetails} end`
          : sql`${messages.errorDetails}`,
        pricing: s.pricing
          ? sql`case when ${messages.pricing} is null or ${s.status} <> 'sent' then ${JSON.stringify(s.pricing)}::jsonb else ${messages.pricing} end`
          : sql`${messages.pricing}`,
      })
      .where(ofThisMessage)
      .returning({ id: messages.id });
    // The message's one cost record follows its statuses, in this same transaction (lib/spend/README.md).
    if (updated[0]) await recordMessageCost(tx, { organizationId: args.organizationId, messageId: updated[0].id, status: s });
    return updated.length > 0;
  });
}
