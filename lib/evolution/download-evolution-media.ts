import type { Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";
import { EvolutionApiError } from "./evolution-api-error";
import { evolutionClient } from "./evolution-client";

/**
 * The bytes of an inbound media message on an Evolution number, fetched through its gateway by the message's key id
 * (what evolution-to-cloud-value.ts stores as the media id). Failures come back as GraphApiError with the same retry
 * policy, so the media pipeline (lib/media/download-inbound-media.ts: sniff, check, store) treats both providers alike.
 */
export async function downloadEvolutionMedia(channel: Channel, messageId: string): Promise<{ data: Uint8Array }> {
  if (!channel.evolutionBaseUrl || !channel.evolutionInstance || !channel.accessTokenEncrypted) {
    throw new GraphApiError({ httpStatus: null, code: null, title: "The Evolution number is missing its server, instance or API key", retry: "never" });
  }
  try {
    const { data } = await evolutionClient(channel.evolutionBaseUrl, decryptSecret(channel.accessTokenEncrypted)).mediaOf(channel.evolutionInstance, messageId);
    return { data };
  } catch (err) {
    if (!(err instanceof EvolutionApiError)) throw err;
    throw new GraphApiError({ httpStatus: err.status, code: null, title: `Evolution: ${err.message}`, retry: err.retry, cause: err });
  }
}
