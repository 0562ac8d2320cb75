import { buildSendBody, type Recipient, type SendOptions } from "@/lib/whatsapp/graph/build-send-body";
import type { OutboundMessageInput } from "../neutral/neutral-message";
import type { ProviderRequest } from "./provider-request";

/** Cloud API adapter: Meta's `POST /{phone-number-id}/messages` body, exactly as Papo always built it. */
export function cloudSendRequest(recipient: Recipient, message: OutboundMessageInput, options: SendOptions = {}): ProviderRequest {
  return { provider: "graph", path: "messages", body: buildSendBody(recipient, message, options) };
}
