import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { setConversationStatus } from "@/lib/inbox/set-conversation-status";

type P = { orgSlug: string; conversationId: string };
const input = z.object({ status: z.enum(["open", "pending", "closed"]) });

export const POST = withOrg<P>("conversations.manage", async ({ req, params, ctx }) => ({
  conversation: await setConversationStatus(ctx, parseId(params.conversationId, "Conversation"), (await readJson(req, input)).status),
}));
