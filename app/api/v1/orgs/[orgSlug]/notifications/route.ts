import { readJson, withOrg } from "@/lib/api/route";
import { notificationInput } from "@/lib/notifications/notification-input";
import { getNotification } from "@/lib/notifications/notification-view";
import { sendNotification } from "@/lib/notifications/send-notification";

// Send one notification (template or text) to a phone number or user id; 202 with the message, queued. The
// Idempotency-Key header makes a retry answer the same and send nothing (withOrg's `idempotent`).
export const POST = withOrg(
  "notifications.send",
  async ({ req, ctx, requestKey }) => {
    const input = await readJson(req, notificationInput);
    const { message } = await sendNotification(ctx.org.id, input, { messageKey: `notification:${requestKey}`, senderUserId: ctx.userId });
    return Response.json({ notification: await getNotification(ctx.org.id, message.id) }, { status: 202 });
  },
  { idempotent: true },
);
