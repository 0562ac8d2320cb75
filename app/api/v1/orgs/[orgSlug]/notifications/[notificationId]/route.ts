import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { getNotification } from "@/lib/notifications/notification-view";

// A notification's statuses (any outbound message of the organization): queued → sent → delivered → read, or
// failed with Meta's reason, and the SMS sent instead when it fell back.
export const GET = withOrg<{ orgSlug: string; notificationId: string }>("conversations.read", async ({ params, ctx }) => ({
  notification: await getNotification(ctx.org.id, parseId(params.notificationId, "Notification")),
}));
