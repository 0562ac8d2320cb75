import { readJson, withOrg } from "@/lib/api/route";
import { channelRoutingInput } from "@/lib/channels/channel-routing-input";
import { getChannelRouting, setChannelRouting } from "@/lib/channels/set-channel-routing";

// The organization's routing rule between its numbers: which one proactive messages go through.
export const GET = withOrg("channels.read", async ({ ctx }) => ({ routing: await getChannelRouting(ctx.org.id) }));

export const PUT = withOrg("channels.manage", async ({ req, ctx }) => ({ routing: await setChannelRouting(ctx, await readJson(req, channelRoutingInput)) }));
