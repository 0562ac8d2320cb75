import type { Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { createGraphClient, type GraphClientConfig } from "./graph-client";

/** The Graph client for one channel: base URL and version from the environment, the token decrypted. */
export function graphClientForChannel(channel: Channel, overrides: Partial<GraphClientConfig> = {}) {
  if (!channel.accessTokenEncrypted) throw new Error(`Channel ${channel.id} has no access token`);
  const e = env();
  return createGraphClient({
    baseUrl: e.META_GRAPH_API_URL,
    version: e.META_GRAPH_API_VERSION,
    phoneNumberId: channel.phoneNumberId,
    wabaId: channel.wabaId,
    accessToken: decryptSecret(channel.accessTokenEncrypted),
    ...overrides,
  });
}
