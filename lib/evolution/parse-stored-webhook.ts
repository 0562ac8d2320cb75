import { parseEnvelope } from "@/lib/whatsapp/parse-envelope";
import type { WebhookEnvelope } from "@/lib/whatsapp/webhook/envelope-schema";
import { evolutionNumberId } from "./evolution-number-id";
import { evolutionToCloudValue } from "./evolution-to-cloud-value";

type Parsed = { ok: true; envelope: WebhookEnvelope } | { ok: false; error: string };

/**
 * A stored webhook row's bytes as the Cloud-shaped envelope the ingest applies: Meta's rows as they are, an
 * Evolution row translated (evolution-to-cloud-value.ts) into one `messages` change of its channel. Group messages
 * in a stored Evolution row were let in at receipt (the channel allowed them), so they are kept here.
 */
export function parseStoredWebhook(row: { provider: string; rawBody: Uint8Array; channelId: string | null }): Parsed {
  if (row.provider !== "evolution") return parseEnvelope(row.rawBody);
  if (!row.channelId) return { ok: false, error: "Evolution webhook without a channel" };
  try {
    const json: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(row.rawBody));
    const value = evolutionToCloudValue(json, row.channelId, { allowGroups: true });
    const id = evolutionNumberId(row.channelId);
    return { ok: true, envelope: { object: "whatsapp_business_account", entry: [{ id, changes: [{ field: "messages", value }] }] } };
  } catch (err) {
    return { ok: false, error: `Not an Evolution webhook: ${String((err as Error)?.message ?? err).slice(0, 500)}` };
  }
}
