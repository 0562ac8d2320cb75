import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { getConversationDetail } from "@/lib/inbox/get-conversation-detail";

type P = { orgSlug: string; conversationId: string };

export const GET = withOrg<P>("conversations.read", async ({ params, ctx }) =>
  getConversationDetail(ctx, parseId(params.conversationId, "Conversation")),
);
