import { readJson, withOrg } from "@/lib/api/route";
import { getNotification } from "@/lib/notifications/notification-view";
import { directSmsInput, sendDirectSms } from "@/lib/sms/send-direct-sms";

// One SMS through the organization's gateway, recorded in the contact's conversation; Idempotency-Key as for notifications.
export const POST = withOrg(
  "notifications.send",
  async ({ req, ctx, requestKey }) => {
    const input = await readJson(req, directSmsInput);
    const { message } = await sendDirectSms(ctx.org.id, input, { messageKey: `sms:${requestKey}`, senderUserId: ctx.userId });
    return Response.json({ notification: await getNotification(ctx.org.id, message.id) }, { status: 202 });
  },
  { idempotent: true },
);
