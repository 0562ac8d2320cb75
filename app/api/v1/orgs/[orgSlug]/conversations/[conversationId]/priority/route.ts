import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { setConversationPriority } from "@/lib/inbox/set-conversation-priority";

type P = { orgSlug: string; conversationId: string };
const input = z.object({ priority: z.enum(["low", "normal", "high", "urgent"]) });

export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await setConversationPriority(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, input)).priority),
}));
