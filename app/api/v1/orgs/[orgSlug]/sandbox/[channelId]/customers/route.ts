import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { getSandboxChannelOrThrow } from "@/lib/sandbox/get-sandbox-channel";
import { listSandboxCustomers } from "@/lib/sandbox/sandbox-chat";

export const GET = withOrg<{ orgSlug: string; channelId: string }>("conversations.read", async ({ params, ctx }) => {
  const channel = await getSandboxChannelOrThrow(ctx.org.id, parseId(params.channelId, "Channel"));
  return { customers: await listSandboxCustomers(channel) };
});
