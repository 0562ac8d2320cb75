import { createHmac } from "node:crypto";
import type { Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { internalOrigin } from "@/lib/http/internal-origin";

/** Meta's serialisation: JSON with every non-ASCII character escaped as \uXXXX (what the HMAC is computed over). */
export function metaJsonBytes(payload: unknown): Uint8Array {
  const json = JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return new TextEncoder().encode(json);
}

/** `X-Hub-Signature-256` for these bytes under the app secret. */
export function signatureHeader(bytes: Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(bytes).digest("hex")}`;
}

/**
 * POSTs a Meta-shaped webhook to the channel's own webhook URL over loopback HTTP, signed with the channel's app
 * secret: it goes through exactly the route, signature check, storage and processing Meta's webhooks go through.
 * Returns the webhook endpoint's HTTP status.
 */
export async function postSignedWebhook(
  channel: Pick<Channel, "id" | "appSecretEncrypted">,
  payload: unknown,
  options: { origin?: string; fetch?: typeof fetch } = {},
): Promise<{ status: number; body: string }> {
  if (!channel.appSecretEncrypted) throw new Error(`Sandbox channel ${channel.id} has no app secret`);
  const bytes = metaJsonBytes(payload);
  const res = await (options.fetch ?? fetch)(`${options.origin ?? internalOrigin()}/api/webhooks/whatsapp/${channel.id}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": signatureHeader(bytes, decryptSecret(channel.appSecretEncrypted)),
      "user-agent": "papo-sandbox",
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: res.status, body: await res.text() };
}
