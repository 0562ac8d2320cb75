import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { markConversationRead } from "@/lib/inbox/mark-conversation-read";

type P = { orgSlug: string; conversationId: string };

export const POST = withOrg<P>("conversations.reply", async ({ params, ctx }) => ({
  conversation: await markConversationRead(ctx, parseId(params.conversationId, "Conversation")),
}));
