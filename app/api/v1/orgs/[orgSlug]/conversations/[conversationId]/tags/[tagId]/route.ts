import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { removeConversationTag } from "@/lib/inbox/remove-conversation-tag";

type P = { orgSlug: string; conversationId: string; tagId: string };

export const DELETE = withOrg<P>("conversations.manage", async ({ params, ctx }) => ({
  conversation: await removeConversationTag(ctx, parseId(params.conversationId, "Conversation"), parseId(params.tagId, "Tag")),
}));
