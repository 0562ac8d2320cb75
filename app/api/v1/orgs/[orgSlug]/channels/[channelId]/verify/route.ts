import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { publicOrigin } from "@/lib/http/public-origin";
import { toChannelView } from "@/lib/channels/channel-view";
import { verifyChannelAgain } from "@/lib/channels/verify-channel-again";

type Params = { orgSlug: string; channelId: string };

// "Verify again": 200 with the verified channel; 422 (Meta refused: the reason is stored on the channel), 409
// (another channel verified the number first), 503 (Meta unreachable: nothing changed).
export const POST = withOrg<Params>("channels.manage", async ({ req, params, ctx }) => {
  const channel = await verifyChannelAgain(ctx, parseId(params.channelId, "Channel"));
  return { channel: toChannelView(channel, { includeVerifyToken: true, origin: publicOrigin(req.headers) }) };
});
