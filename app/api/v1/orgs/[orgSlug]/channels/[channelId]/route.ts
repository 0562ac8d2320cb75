import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { publicOrigin } from "@/lib/http/public-origin";
import { updateChannelInput } from "@/lib/channels/channel-input";
import { toChannelView } from "@/lib/channels/channel-view";
import { deleteChannel } from "@/lib/channels/delete-channel";
import { getChannelOrThrow } from "@/lib/channels/get-channel-or-throw";
import { updateChannel } from "@/lib/channels/update-channel";

type Params = { orgSlug: string; channelId: string };

export const GET = withOrg<Params>("channels.read", async ({ req, params, ctx }) => {
  const channel = await getChannelOrThrow(ctx.org.id, parseId(params.channelId, "Channel"));
  return { channel: toChannelView(channel, { includeVerifyToken: ctx.can("channels.manage"), origin: publicOrigin(req.headers) }) };
});

export const PATCH = withOrg<Params>("channels.manage", async ({ req, params, ctx }) => {
  const channel = await updateChannel(ctx, parseId(params.channelId, "Channel"), await readJson(req, updateChannelInput));
  return { channel: toChannelView(channel, { includeVerifyToken: true, origin: publicOrigin(req.headers) }) };
});

export const DELETE = withOrg<Params>("channels.manage", async ({ params, ctx }) => {
  await deleteChannel(ctx, parseId(params.channelId, "Channel"));
  return { ok: true };
});
