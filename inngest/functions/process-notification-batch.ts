import { getNotificationBatch } from "@/lib/notifications/get-notification-batch";
import { processBatchItems } from "@/lib/notifications/process-batch-items";
import { inngest, notificationBatchCreated } from "../client";

/** Items per step: each step is a checkpoint, so a crash re-does at most one slice (and re-sends nothing). */
export const BATCH_SLICE = 50;

/**
 * Works through a notifications batch slice by slice. Each accepted item is queued on the one outbound path, whose
 * durable sends keep the channel's rate (send-message's throttle and the shared GCRA slot), so a billing run of a
 * thousand customers goes out at the number's pace without holding other numbers back.
 */
export const processNotificationBatch = inngest.createFunction(
  { id: "process-notification-batch", triggers: [notificationBatchCreated], retries: 5 },
  async ({ event, step }) => {
    const { organizationId, batchId } = event.data;
    const total = await step.run("count", async () => (await getNotificationBatch(organizationId, batchId)).total);
    const tally = { accepted: 0, refused: 0 };
    for (let from = 0; from < total; from += BATCH_SLICE) {
      const r = await step.run(`items-${from}`, () => processBatchItems(organizationId, batchId, from, from + BATCH_SLICE));
      tally.accepted += r.accepted;
      tally.refused += r.refused;
    }
    return tally;
  },
);
