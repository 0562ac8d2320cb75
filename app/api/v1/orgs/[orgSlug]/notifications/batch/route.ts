import { readJson, withOrg } from "@/lib/api/route";
import { createNotificationBatch, notificationBatchInput } from "@/lib/notifications/create-notification-batch";

// Up to 1,000 notifications, each with its own parameters and idempotency key: 202 with the batch id at once; the
// items are sent by a durable run at the channel's rate; GET …/notifications/batch/{id} gives per-item results.
export const POST = withOrg(
  "notifications.send",
  async ({ req, ctx }) => {
    const input = await readJson(req, notificationBatchInput);
    const batch = await createNotificationBatch(ctx.org.id, input);
    return Response.json({ batch: { ...batch, status: "processing" } }, { status: 202 });
  },
  { idempotent: true },
);
