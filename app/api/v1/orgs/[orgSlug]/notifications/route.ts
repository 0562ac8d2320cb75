import { readJson, withOrg } from "@/lib/api/route";
import { answerResponse } from "@/lib/notifications/answer-response";
import { notificationInput } from "@/lib/notifications/notification-input";
import { getNotification } from "@/lib/notifications/notification-view";
import { runIdempotent } from "@/lib/notifications/run-idempotent";
import { sendNotification } from "@/lib/notifications/send-notification";

// Send one notification (template or text) to a phone number or user id; 202 with the message, queued. The
// Idempotency-Key header makes a retry answer the same and send nothing (lib/notifications/run-idempotent.ts).
export const POST = withOrg("notifications.send", async ({ req, ctx }) => {
  const input = await readJson(req, notificationInput);
  const answer = await runIdempotent(ctx.org.id, req.headers.get("idempotency-key"), input, async (messageKey) => {
    const { message } = await sendNotification(ctx.org.id, input, { messageKey, senderUserId: ctx.userId });
    return { status: 202, body: { notification: await getNotification(ctx.org.id, message.id) } };
  });
  return answerResponse(answer);
});
