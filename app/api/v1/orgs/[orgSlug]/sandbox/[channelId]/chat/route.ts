import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { getSandboxChannelOrThrow } from "@/lib/sandbox/get-sandbox-channel";
import { getSandboxChat } from "@/lib/sandbox/sandbox-chat";

const query = z.object({ phone: z.string().regex(/^\+?\d{6,15}$/, "phone is the customer's number in international format") });

// GET …/chat?phone=5511…: the customer's side of the chat with this sandbox number.
export const GET = withOrg<{ orgSlug: string; channelId: string }>("conversations.read", async ({ req, params, ctx }) => {
  const channel = await getSandboxChannelOrThrow(ctx.org.id, parseId(params.channelId, "Channel"));
  const { phone } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return { messages: await getSandboxChat(channel, phone) };
});
