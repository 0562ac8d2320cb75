import { readJson, withOrg } from "@/lib/api/route";
import { answerResponse } from "@/lib/notifications/answer-response";
import { getNotification } from "@/lib/notifications/notification-view";
import { runIdempotent } from "@/lib/notifications/run-idempotent";
import { directSmsInput, sendDirectSms } from "@/lib/sms/send-direct-sms";

// One SMS through the organization's gateway, recorded in the contact's conversation; Idempotency-Key as for notifications.
export const POST = withOrg("notifications.send", async ({ req, ctx }) => {
  const input = await readJson(req, directSmsInput);
  const answer = await runIdempotent(ctx.org.id, req.headers.get("idempotency-key"), { sms: input }, async (messageKey) => {
    const { message } = await sendDirectSms(ctx.org.id, input, { messageKey, senderUserId: ctx.userId });
    return { status: 202, body: { notification: await getNotification(ctx.org.id, message.id) } };
  });
  return answerResponse(answer);
});
