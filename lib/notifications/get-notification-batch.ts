import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, notificationBatchItems, notificationBatches } from "@/db/schema";
import { notFound } from "@/lib/errors";

/**
 * A batch's progress and per-item results (`GET …/notifications/batch/{id}`): each item pending, accepted (with its
 * message id and the message's current status and path) or refused (with the reason's code and message).
 */
export async function getNotificationBatch(organizationId: string, batchId: string) {
  const db = getDb();
  const [batch] = await db.select().from(notificationBatches).where(and(eq(notificationBatches.organizationId, organizationId), eq(notificationBatches.id, batchId)));
  if (!batch) throw notFound("Batch");
  const rows = await db
    .select({ item: notificationBatchItems, status: messages.status, deliveryPath: messages.deliveryPath })
    .from(notificationBatchItems)
    .leftJoin(messages, eq(messages.id, notificationBatchItems.messageId))
    .where(and(eq(notificationBatchItems.organizationId, organizationId), eq(notificationBatchItems.batchId, batchId)))
    .orderBy(asc(notificationBatchItems.index));
  const counts = { pending: 0, accepted: 0, refused: 0, sent: 0, failed: 0 };
  const items = rows.map(({ item, status, deliveryPath }) => {
    counts[item.status as "pending" | "accepted" | "refused"]++;
    if (status && ["sent", "delivered", "read", "played"].includes(status)) counts.sent++;
    if (status === "failed") counts.failed++;
    return {
      index: item.index,
      result: item.status,
      messageId: item.messageId,
      messageStatus: status,
      deliveryPath: item.messageId ? (deliveryPath === "sms" ? "sms" : "whatsapp") : null,
      error: item.error,
    };
  });
  return { id: batch.id, total: batch.total, status: counts.pending ? "processing" : "done", counts, createdAt: batch.createdAt.toISOString(), items };
}
