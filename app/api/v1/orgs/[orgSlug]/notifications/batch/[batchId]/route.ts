import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { getNotificationBatch } from "@/lib/notifications/get-notification-batch";

// A batch's progress and each item's result (accepted with the message and its status, or refused with why).
export const GET = withOrg<{ orgSlug: string; batchId: string }>("notifications.send", async ({ params, ctx }) => ({
  batch: await getNotificationBatch(ctx.org.id, parseId(params.batchId, "Batch")),
}));
