import { z } from "zod";
import { notificationBatchItems, notificationBatches } from "@/db/schema";
import { enqueueInTransaction } from "@/lib/jobs";
import { notificationInput } from "./notification-input";

export const MAX_BATCH_ITEMS = 1000;

export const batchItemInput = z.intersection(notificationInput, z.object({ idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,200}$/, "1 to 200 visible ASCII characters").optional() }));

export const notificationBatchInput = z
  .object({
    /** The business number for every item that names none. */
    channelId: z.uuid().optional(),
    items: z.array(z.looseObject({})).min(1, "Send at least one item").max(MAX_BATCH_ITEMS, `A batch has at most ${MAX_BATCH_ITEMS} items`),
  })
  .strict()
  .superRefine((b, ctx) => {
    const keys = new Set<string>();
    b.items.forEach((item, i) => {
      const parsed = batchItemInput.safeParse(item);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ["items", i, ...issue.path] } as never);
      else if (parsed.data.idempotencyKey) {
        if (keys.has(parsed.data.idempotencyKey)) ctx.addIssue({ code: "custom", path: ["items", i, "idempotencyKey"], message: "Each item needs its own idempotency key" });
        keys.add(parsed.data.idempotencyKey);
      }
    });
  });

export type NotificationBatchInput = z.infer<typeof notificationBatchInput>;

/**
 * Stores a batch and its items (each item's request as sent) and starts process-notification-batch in the same
 * transaction: the answer is immediate, the items are sent by the durable run at the channel's rate.
 */
export async function createNotificationBatch(organizationId: string, input: NotificationBatchInput): Promise<{ id: string; total: number }> {
  return enqueueInTransaction(async (tx) => {
    const [batch] = await tx.insert(notificationBatches).values({ organizationId, total: input.items.length }).returning({ id: notificationBatches.id });
    const rows = input.items.map((item, index) => ({
      batchId: batch.id,
      index,
      organizationId,
      request: { ...(input.channelId ? { channelId: input.channelId } : {}), ...item },
    }));
    for (let i = 0; i < rows.length; i += 200) await tx.insert(notificationBatchItems).values(rows.slice(i, i + 200));
    return {
      result: { id: batch.id, total: input.items.length },
      events: [{ id: `notification-batch-${batch.id}`, name: "papo/notification-batch.created", data: { organizationId, batchId: batch.id } }],
    };
  });
}
