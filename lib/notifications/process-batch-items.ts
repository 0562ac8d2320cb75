import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { notificationBatchItems } from "@/db/schema";
import { batchItemInput } from "./create-notification-batch";
import { runIdempotent } from "@/lib/api/run-idempotent";
import { sendNotification } from "./send-notification";

const ITEM_CONCURRENCY = 6;

/**
 * Sends the still-pending items of one slice of a batch, each like a single notification under its own idempotency
 * key (the item's, or `batch:<id>:<index>`), and records each result on the item: accepted with the message id, or
 * refused with the reason. A re-run of the slice (a retried step) skips what is recorded and re-sends nothing.
 */
export async function processBatchItems(organizationId: string, batchId: string, from: number, to: number): Promise<{ accepted: number; refused: number }> {
  const db = getDb();
  const items = await db
    .select()
    .from(notificationBatchItems)
    .where(and(eq(notificationBatchItems.organizationId, organizationId), eq(notificationBatchItems.batchId, batchId), eq(notificationBatchItems.status, "pending"), gte(notificationBatchItems.index, from), lt(notificationBatchItems.index, to)))
    .orderBy(asc(notificationBatchItems.index));
  const tally = { accepted: 0, refused: 0 };
  // A few items at a time: each one is mostly waiting on the database, and items are independent (two items for
  // one person meet at the contact's identity locks).
  let next = 0;
  const worker = async () => {
    while (next < items.length) await processItem(items[next++]);
  };
  const processItem = async (item: (typeof items)[number]) => {
    const { idempotencyKey, ...input } = batchItemInput.parse(item.request);
    const answer = await runIdempotent(organizationId, idempotencyKey ?? `batch:${batchId}:${item.index}`, input, async (messageKey) => {
      const { message } = await sendNotification(organizationId, input, { messageKey, senderUserId: null });
      return { status: 202, body: { notification: { id: message.id } } };
    });
    const accepted = answer.status < 300;
    const error = accepted ? null : ((answer.body.error as { code: string; message: string; issues?: { message: string }[] }) ?? { code: "internal_error", message: "Not sent" });
    // The refusal's reason code when it has one (outside_window, contact_opted_out, no_sms_gateway…), else the error code.
    const reason = error?.issues?.[0]?.message;
    await db
      .update(notificationBatchItems)
      .set({
        status: accepted ? "accepted" : "refused",
        messageId: accepted ? (answer.body.notification as { id: string }).id : null,
        error: error ? { code: reason && /^[a-z_]+$/.test(reason) ? reason : error.code, message: error.message } : null,
      })
      .where(and(eq(notificationBatchItems.batchId, batchId), eq(notificationBatchItems.index, item.index)));
    tally[accepted ? "accepted" : "refused"]++;
  };
  await Promise.all(Array.from({ length: ITEM_CONCURRENCY }, worker));
  return tally;
}
