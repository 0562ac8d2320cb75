import { readJson, withOrg } from "@/lib/api/route";
import { statusInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { setConversationStatus } from "@/lib/inbox/set-conversation-status";

type P = { orgSlug: string; conversationId: string };
export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await setConversationStatus(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, statusInput)).status),
}));
