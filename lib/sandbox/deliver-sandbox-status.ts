import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { buildStatusPayload, type SandboxStatus } from "./build-inbound-payload";
import { postSignedWebhook } from "./post-signed-webhook";

export type SandboxOutbound = {
  organizationId: string;
  channelId: string;
  waMessageId: string;
  recipientId: string;
  callbackData?: string;
};

/**
 * Sends one status webhook of a sandbox outbound message to the channel's webhook URL, signed like Meta's. A channel
 * that is gone (deleted, no secret) gets nothing; any answer other than 200 throws so the step is retried (Meta
 * also redelivers webhooks).
 */
export async function deliverSandboxStatus(outbound: SandboxOutbound, status: SandboxStatus, options: { origin?: string; fetch?: typeof fetch } = {}) {
  const [channel] = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, outbound.organizationId), eq(channels.id, outbound.channelId), isNull(channels.deletedAt)));
  if (!channel?.appSecretEncrypted || channel.provider !== "sandbox") return { delivered: false as const, reason: "channel gone" };
  const payload = buildStatusPayload({
    channel,
    waMessageId: outbound.waMessageId,
    status,
    recipientId: outbound.recipientId,
    callbackData: outbound.callbackData,
  });
  const res = await postSignedWebhook(channel, payload, options);
  if (res.status !== 200) throw new Error(`The webhook answered ${res.status}: ${res.body.slice(0, 200)}`);
  return { delivered: true as const, status };
}
