import type { Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import { evolutionSendRequest } from "@/lib/messages/providers/evolution-send-request";
import { UnsupportedOnProviderError } from "@/lib/messages/providers/provider-request";
import type { Recipient } from "@/lib/whatsapp/graph/build-send-body";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";
import { evolutionClient } from "./evolution-client";
import { EvolutionApiError } from "./evolution-api-error";

/**
 * Sends one neutral message through a channel's Evolution instance and returns the gateway's message id (stored as
 * the row's wa_message_id: statuses name it). Failures come back as GraphApiError with the same retry policy
 * (safe / ambiguous / never), so attemptSend treats both providers alike (lib/whatsapp/graph/SENDING.md).
 */
export async function sendThroughEvolution(channel: Channel, recipient: Recipient, message: OutboundMessageInput, options: { replyTo?: string } = {}): Promise<{ waMessageId: string }> {
  if (!channel.evolutionBaseUrl || !channel.evolutionInstance || !channel.accessTokenEncrypted) {
    throw new GraphApiError({ httpStatus: null, code: null, title: "The Evolution number is missing its server, instance or API key", retry: "never" });
  }
  if (!("to" in recipient)) throw new GraphApiError({ httpStatus: null, code: null, title: "An Evolution number can only write to phone numbers", retry: "never" });
  const digits = recipient.to.replace(/\D/g, "");
  let request;
  try {
    request = evolutionSendRequest(channel.evolutionInstance, digits, message, { replyTo: options.replyTo, remoteJid: `${digits}@s.whatsapp.net` });
  } catch (err) {
    if (err instanceof UnsupportedOnProviderError) throw new GraphApiError({ httpStatus: null, code: null, title: err.message, retry: "never" });
    throw err;
  }
  try {
    const sent = await evolutionClient(channel.evolutionBaseUrl, decryptSecret(channel.accessTokenEncrypted)).send(request.path, request.body);
    return { waMessageId: sent.id };
  } catch (err) {
    if (!(err instanceof EvolutionApiError)) throw err;
    throw new GraphApiError({ httpStatus: err.status, code: null, title: `Evolution: ${err.message}`, retry: err.retry, cause: err });
  }
}
