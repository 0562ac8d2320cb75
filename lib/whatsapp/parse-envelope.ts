import { webhookEnvelopeSchema, type WebhookEnvelope } from "./webhook/envelope-schema";

/** Raw bytes → envelope, or the reason it is not one (malformed JSON, or JSON that is not a WABA webhook). */
export function parseEnvelope(rawBody: Uint8Array): { ok: true; envelope: WebhookEnvelope } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch (err) {
    return { ok: false, error: `Malformed JSON: ${(err as Error).message}` };
  }
  const parsed = webhookEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `Not a WhatsApp webhook: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  return { ok: true, envelope: parsed.data };
}
