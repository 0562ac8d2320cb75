import type { Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { internalOrigin } from "@/lib/http/internal-origin";
import { createGraphClient, type GraphClientConfig } from "./graph-client";

/**
 * The Graph client for one channel: base URL and version from the environment, the token decrypted. A sandbox
 * channel's Graph API is Papo itself (app/api/sandbox/graph), reached over loopback (lib/http/internal-origin.ts).
 */
export function graphClientForChannel(channel: Channel, overrides: Partial<GraphClientConfig> = {}) {
  if (!channel.accessTokenEncrypted) throw new Error(`Channel ${channel.id} has no access token`);
  const e = env();
  return createGraphClient({
    baseUrl: channel.provider === "sandbox" ? `${internalOrigin()}/api/sandbox/graph` : e.META_GRAPH_API_URL,
    version: e.META_GRAPH_API_VERSION,
    phoneNumberId: channel.phoneNumberId,
    wabaId: channel.wabaId,
    accessToken: decryptSecret(channel.accessTokenEncrypted),
    ...overrides,
  });
}
