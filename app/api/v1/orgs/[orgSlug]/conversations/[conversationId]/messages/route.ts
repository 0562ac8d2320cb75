import { readJson, withOrg } from "@/lib/api/route";
import { replyInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { sendReply } from "@/lib/inbox/send-reply";

// `{ text }` (the original shape) or any outbound message (media, template, …) with reply-to and a client key.
// Reply in a conversation: the agent rule (own or unassigned unless conversations.manageAll), the 24-hour window,
// then the durable send. 201 for a new message, 200 when the idempotency key was already used.
export const POST = withOrg<{ orgSlug: string; conversationId: string }>("conversations.reply", async ({ req, params, ctx }) => {
  const conversationId = parseId(params.conversationId, "Conversation");
  const body = await readJson(req, replyInput);
  const input = "text" in body ? { message: { type: "text" as const, body: body.text } } : body;
  const { message, created } = await sendReply(ctx, conversationId, input);
  return Response.json({ message }, { status: created ? 201 : 200 });
}, { idempotent: true });
