import { getDb } from "@/db";
import type { Channel } from "@/db/schema";
import { getChannelOrThrow } from "@/lib/channels/get-channel-or-throw";
import { notFound } from "@/lib/errors";
import { ensureSandboxSecrets } from "./sandbox-secrets";

/** The organization's live sandbox channel (with its secrets, generated on first use), or 404. */
export async function getSandboxChannelOrThrow(organizationId: string, channelId: string): Promise<Channel> {
  const channel = await getChannelOrThrow(organizationId, channelId);
  if (channel.provider !== "sandbox") throw notFound("Channel");
  return ensureSandboxSecrets(getDb(), channel);
}
