import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { retryMessage } from "@/lib/inbox/retry-message";

type P = { orgSlug: string; conversationId: string; messageId: string };

// A failed message is retried as a NEW attempt (new row, new idempotency key); the failed row stays as history.
export const POST = withOrg<P>("conversations.reply", async ({ params, ctx }) => {
  const { message } = await retryMessage(ctx, parseId(params.conversationId, "Conversation"), parseId(params.messageId, "Message"));
  return Response.json({ message }, { status: 201 });
});
