import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";

const replyInput = z.object({ text: z.string().trim().min(1, "Write a message").max(4096, "A message has at most 4096 characters") });

// Reply with a text message in a conversation (until the inbox lands, the way to answer a sandbox customer).
export const POST = withOrg<{ orgSlug: string; conversationId: string }>("conversations.reply", async ({ req, params, ctx }) => {
  const conversationId = parseId(params.conversationId, "Conversation");
  const { text } = await readJson(req, replyInput);
  const { message } = await queueOutboundMessage({
    organizationId: ctx.org.id,
    conversationId,
    message: { type: "text", body: text },
    sender: "user",
    senderUserId: ctx.userId,
  });
  return Response.json(
    { message: { id: message.id, conversationId: message.conversationId, type: message.type, status: message.status, createdAt: message.createdAt } },
    { status: 201 },
  );
});
