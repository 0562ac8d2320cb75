import { readJson, withOrg } from "@/lib/api/route";
import { answerResponse } from "@/lib/notifications/answer-response";
import { createNotificationBatch, notificationBatchInput } from "@/lib/notifications/create-notification-batch";
import { runIdempotent } from "@/lib/notifications/run-idempotent";

// Up to 1,000 notifications, each with its own parameters and idempotency key: 202 with the batch id at once; the
// items are sent by a durable run at the channel's rate; GET …/notifications/batch/{id} gives per-item results.
export const POST = withOrg("notifications.send", async ({ req, ctx }) => {
  const input = await readJson(req, notificationBatchInput);
  const answer = await runIdempotent(ctx.org.id, req.headers.get("idempotency-key"), input, async () => {
    const batch = await createNotificationBatch(ctx.org.id, input);
    return { status: 202, body: { batch: { ...batch, status: "processing" } } };
  });
  return answerResponse(answer);
});
