import type { Channel } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { buildInboundPayload, type MediaAction } from "./build-inbound-payload";
import type { CustomerMessageInput, SandboxCustomer } from "./customer-action";
import { postSignedWebhook } from "./post-signed-webhook";
import { newWamid } from "./wamid";

/**
 * A simulated customer's action, delivered as WhatsApp would: a Meta-shaped webhook, signed with the channel's app
 * secret, POSTed over loopback HTTP to the channel's webhook route. Not a shortcut into the ingest code: the same
 * route, signature check, webhook_events row and durable processing as a real message, so the sandbox exercises
 * (and can only succeed through) the production path.
 */
export async function sendCustomerMessage(
  channel: Channel,
  input: CustomerMessageInput | { customer: SandboxCustomer; message: MediaAction },
  options: { origin?: string; fetch?: typeof fetch } = {},
): Promise<{ waMessageId: string }> {
  const waMessageId = newWamid();
  const payload = buildInboundPayload({ channel, customer: input.customer, action: input.message, waMessageId });
  const res = await postSignedWebhook(channel, payload, options);
  if (res.status !== 200) throw new AppError("internal_error", `The channel's webhook answered ${res.status}: ${res.body.slice(0, 200)}`);
  return { waMessageId };
}
