import type { Recipient, SendOptions } from "@/lib/whatsapp/graph/build-send-body";
import type { OutboundMessageInput } from "../neutral/neutral-message";
import { cloudSendRequest } from "./cloud-send-request";
import type { ProviderRequest } from "./provider-request";

/**
 * Sandbox adapter: a sandbox number's Graph API is Papo answering as Meta (app/api/sandbox/graph), so it takes the
 * Cloud API's body unchanged — which is what lets the sandbox exercise the production send path.
 */
export function sandboxSendRequest(recipient: Recipient, message: OutboundMessageInput, options: SendOptions = {}): ProviderRequest {
  return cloudSendRequest(recipient, message, options);
}
