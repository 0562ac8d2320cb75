import type { Recipient, SendOptions } from "@/lib/whatsapp/graph/build-send-body";
import type { OutboundMessageInput } from "../neutral/neutral-message";
import { cloudSendRequest } from "./cloud-send-request";
import { evolutionSendRequest } from "./evolution-send-request";
import type { ProviderRequest } from "./provider-request";
import { sandboxSendRequest } from "./sandbox-send-request";

export type ChannelProvider = "cloud" | "sandbox" | "evolution";

/** The one switch from a neutral message to a provider's request; callers never branch on the provider themselves. */
export function providerSendRequest(
  channel: { provider: ChannelProvider; evolutionInstance?: string | null },
  recipient: Recipient,
  message: OutboundMessageInput,
  options: SendOptions & { remoteJid?: string } = {},
): ProviderRequest {
  switch (channel.provider) {
    case "cloud":
      return cloudSendRequest(recipient, message, options);
    case "sandbox":
      return sandboxSendRequest(recipient, message, options);
    case "evolution": {
      if (!channel.evolutionInstance) throw new Error("An Evolution channel needs its instance name");
      if (!("to" in recipient)) throw new Error("An Evolution number sends to phone numbers only");
      return evolutionSendRequest(channel.evolutionInstance, recipient.to, message, { replyTo: options.replyTo, remoteJid: options.remoteJid });
    }
  }
}
