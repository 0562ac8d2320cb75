import { readJson, withOrg } from "@/lib/api/route";
import { ownerInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { setConversationOwner } from "@/lib/inbox/set-conversation-owner";

type P = { orgSlug: string; conversationId: string };
// Bot on/off: "human" takes over from the bot, "bot" hands the conversation back to the flows.
export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await setConversationOwner(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, ownerInput)).owner),
}));
