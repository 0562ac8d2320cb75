import { readJson, withOrg } from "@/lib/api/route";
import { publicOrigin } from "@/lib/http/public-origin";
import { createChannelInput } from "@/lib/channels/channel-input";
import { toChannelView } from "@/lib/channels/channel-view";
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/list-channels";

export const GET = withOrg("channels.read", async ({ req, ctx }) => {
  const origin = publicOrigin(req.headers);
  const includeVerifyToken = ctx.can("channels.manage");
  return { channels: (await listChannels(ctx.org.id)).map((c) => toChannelView(c, { includeVerifyToken, origin })) };
});

export const POST = withOrg("channels.manage", async ({ req, ctx }) => {
  const origin = publicOrigin(req.headers);
  const channel = await createChannel(ctx, await readJson(req, createChannelInput), { origin });
  return Response.json({ channel: toChannelView(channel, { includeVerifyToken: true, origin }) }, { status: 201 });
}, { idempotent: true });
