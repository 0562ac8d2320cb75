import type { Channel } from "@/db/schema";
import type { JobEvent } from "@/lib/jobs";

export type ChannelConnectionChange = "dropped" | "restored";

/**
 * The papo/channel.connection-changed event (inngest/client.ts) for a number whose connection dropped or came back:
 * the one hook for turning it into notifications. applyEvolutionConnection hands it to durable work in the same
 * transaction as the change (enqueueInTransaction), and its id is derived from the change's time, so a replayed
 * webhook announces nothing twice.
 */
export function channelConnectionChanged(channel: Pick<Channel, "id" | "organizationId" | "name" | "connectionStateAt">, change: ChannelConnectionChange): JobEvent {
  const at = (channel.connectionStateAt ?? new Date()).toISOString();
  return {
    id: `papo-channel-connection-${channel.id}-${change}-${at}`,
    name: "papo/channel.connection-changed",
    data: { organizationId: channel.organizationId, channelId: channel.id, channelName: channel.name, change, at },
  };
}
