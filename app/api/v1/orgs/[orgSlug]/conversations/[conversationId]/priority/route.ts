import { readJson, withOrg } from "@/lib/api/route";
import { priorityInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { setConversationPriority } from "@/lib/inbox/set-conversation-priority";

type P = { orgSlug: string; conversationId: string };
export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await setConversationPriority(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, priorityInput)).priority),
}));
