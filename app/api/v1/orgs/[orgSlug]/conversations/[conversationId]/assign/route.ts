import { readJson, withOrg } from "@/lib/api/route";
import { assignInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { assignConversation } from "@/lib/inbox/assign-conversation";

type P = { orgSlug: string; conversationId: string };
// Assign to an agent and/or a department; with a note it is a transfer.
export const POST = withOrg<P>("conversations.assign", async ({ req, params, ctx }) => ({
  conversation: await assignConversation(ctx, parseId(params.conversationId, "Conversation"), await readJson(req, assignInput)),
}));
