import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { badSignatureCounter } from "./bad-signature-counter";
import { findWebhookChannel } from "./find-webhook-channel";
import { handOffWebhook } from "./hand-off-webhook";
import { parseEnvelope } from "./parse-envelope";
import { readLimitedBody } from "./read-limited-body";
import { verifySignature } from "./verify-signature";
import { webhookHeaders } from "./webhook-headers";
import { webhookText } from "./webhook-text";

/**
 * POST /api/webhooks/whatsapp/{channelId}: unknown channel → 404; body over 3 MiB → 413; bad or missing
 * signature (against this channel's app secret, over the raw bytes) → 401, nothing stored; valid signature but
 * not a webhook → stored as `rejected`, 400; otherwise stored (one insert), handed off, 200.
 */
export async function receiveChannelWebhook(req: Request, channelId: string): Promise<Response> {
  const db = getDb();
  const channel = await findWebhookChannel(db, channelId);
  if (!channel?.appSecretEncrypted) return webhookText(404, "Unknown channel");
  const rawBody = await readLimitedBody(req);
  if (!rawBody) return webhookText(413, "Payload too large");
  if (!verifySignature(rawBody, req.headers.get("x-hub-signature-256"), decryptSecret(channel.appSecretEncrypted))) {
    badSignatureCounter.record(`channel ${channel.id}`);
    return webhookText(401, "Invalid signature");
  }
  const parsed = parseEnvelope(rawBody);
  const [row] = await db
    .insert(webhookEvents)
    .values({
      organizationId: channel.organizationId,
      channelId: channel.id,
      rawBody,
      headers: webhookHeaders(req),
      signatureValid: true,
      status: parsed.ok ? "received" : "rejected",
      error: parsed.ok ? null : parsed.error,
      processedAt: parsed.ok ? null : new Date(),
    })
    .returning({ id: webhookEvents.id });
  if (!parsed.ok) return webhookText(400, "Malformed webhook body");
  const handedOff = await handOffWebhook(db, [{ id: row.id, organizationId: channel.organizationId }]);
  return handedOff ? webhookText(200, "EVENT_RECEIVED") : webhookText(500, "Stored but not queued; please retry");
}
