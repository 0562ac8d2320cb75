import { readJson, withOrg } from "@/lib/api/route";
import { conversationTagInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { addConversationTag } from "@/lib/inbox/add-conversation-tag";

type P = { orgSlug: string; conversationId: string };
export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await addConversationTag(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, conversationTagInput)).tagId),
}));
