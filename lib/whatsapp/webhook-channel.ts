import { getDb } from "@/db";
import { channelVerifyToken } from "@/lib/channels/channel-verify-token";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { findWebhookChannel } from "./find-webhook-channel";

/** What the webhook routes need of a channel, with its app secret already decrypted. */
export type WebhookChannel = {
  id: string;
  organizationId: string;
  status: "active" | "disabled";
  appSecret: string | null;
  /** Decrypted (stored as secret-box ciphertext); null only for a row without any token. */
  verifyToken: string | null;
  /** Proven with Meta; the shared-app endpoint never routes to an unverified channel (route-changes.ts). */
  verified: boolean;
};

/**
 * How long a looked-up channel (or its absence) is reused. Every webhook POST needs the channel and its decrypted
 * app secret; at thousands of POSTs per second that lookup was a query plus a decryption each. Changes made in this
 * process (lib/channels update/delete) call forgetWebhookChannel at once; other processes sharing the database
 * see a changed secret or status within this TTL.
 */
export const WEBHOOK_CHANNEL_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { at: number; channel: Promise<WebhookChannel | null> };
// On globalThis: lib/channels (called from other route bundles) must clear the same map the webhook route reads.
const g = globalThis as unknown as { __papoWebhookChannels?: Map<string, Entry> };
const cache = () => (g.__papoWebhookChannels ??= new Map());

/** The live channel a per-channel webhook URL names (deleted or unknown → null), cached for WEBHOOK_CHANNEL_TTL_MS. */
export function webhookChannel(channelId: string): Promise<WebhookChannel | null> {
  const map = cache();
  const hit = map.get(channelId);
  if (hit && Date.now() - hit.at < WEBHOOK_CHANNEL_TTL_MS) return hit.channel;
  // Unknown ids are cached too (a flood of random ids costs one query each per TTL), but the map stays bounded.
  if (map.size >= MAX_ENTRIES) map.clear();
  const channel = load(channelId);
  map.set(channelId, { at: Date.now(), channel });
  // A failed lookup is not remembered: the next request asks the database again.
  channel.catch(() => map.get(channelId)?.channel === channel && map.delete(channelId));
  return channel;
}

/** Drops a channel from the cache (its secret, status or deletion changed); without an id, drops everything. */
export function forgetWebhookChannel(channelId?: string) {
  if (channelId) cache().delete(channelId);
  else cache().clear();
}

async function load(channelId: string): Promise<WebhookChannel | null> {
  const c = await findWebhookChannel(getDb(), channelId);
  if (!c) return null;
  return {
    id: c.id,
    organizationId: c.organizationId,
    status: c.status,
    appSecret: c.appSecretEncrypted ? decryptSecret(c.appSecretEncrypted) : null,
    verifyToken: channelVerifyToken(c),
    verified: c.verifiedAt !== null,
  };
}
