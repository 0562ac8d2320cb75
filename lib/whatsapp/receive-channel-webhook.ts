import { badSignatureCounter } from "./bad-signature-counter";
import { parseEnvelope } from "./parse-envelope";
import { storeWebhookRows } from "./store-webhook-rows";
import { verifySignature } from "./verify-signature";
import { webhookChannel } from "./webhook-channel";
import { webhookHeaders } from "./webhook-headers";
import { webhookOrderingKey } from "./webhook-ordering-key";
import type { WebhookAnswer, WebhookInput } from "./webhook-input";
import { log } from "@/lib/log/logger";

/**
 * POST /api/webhooks/whatsapp/{channelId}: unknown channel → 404; body over 3 MiB → 413; bad or missing
 * signature (against this channel's app secret, over the raw bytes) → 401, nothing stored; valid signature but
 * not a webhook → stored as `rejected`, 400; a disabled channel → stored as `rejected` ("Channel disabled"), 200
 * (Meta would otherwise retry for days); otherwise stored and handed off in one group-committed transaction, 200.
 * The channel and its decrypted secret come from a short-lived cache (webhook-channel.ts): no query per POST.
 */
export async function receiveChannelWebhook(input: WebhookInput, channelId: string): Promise<WebhookAnswer> {
  const channel = await webhookChannel(channelId);
  if (!channel?.appSecret) return { status: 404, text: "Unknown channel" };
  const rawBody = await input.readBody();
  if (!rawBody) return { status: 413, text: "Payload too large" };
  if (!verifySignature(rawBody, input.header("x-hub-signature-256"), channel.appSecret)) {
    badSignatureCounter.record(`channel ${channel.id}`);
    return { status: 401, text: "Invalid signature" };
  }
  const parsed = parseEnvelope(rawBody);
  const base = { organizationId: channel.organizationId, channelId: channel.id, rawBody, headers: webhookHeaders(input), signatureValid: true };
  if (!parsed.ok) {
    await storeWebhookRows([{ ...base, status: "rejected", error: parsed.error, processedAt: new Date() }]);
    return { status: 400, text: "Malformed webhook body" };
  }
  if (channel.status === "disabled") {
    await storeWebhookRows([{ ...base, status: "rejected", error: "Channel disabled: not processed", processedAt: new Date() }]);
    return { status: 200, text: "EVENT_RECEIVED" };
  }
  const changes = parsed.envelope.entry.flatMap((e) => e.changes.map((c) => ({ field: c.field, value: c.value, channelId: channel.id })));
  try {
    await storeWebhookRows([{ ...base, status: "received", orderingKey: webhookOrderingKey(channel.organizationId, changes) }]);
  } catch (err) {
    log.error({ err }, "whatsapp webhook could not be stored; answering 500 so Meta retries");
    return { status: 500, text: "Not stored; please retry" };
  }
  return { status: 200, text: "EVENT_RECEIVED" };
}
