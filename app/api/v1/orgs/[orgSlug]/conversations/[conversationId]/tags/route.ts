import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { addConversationTag } from "@/lib/inbox/add-conversation-tag";

type P = { orgSlug: string; conversationId: string };
const input = z.object({ tagId: z.uuid() });

export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await addConversationTag(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, input)).tagId),
}));
