import { timingSafeEqual, createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { log } from "@/lib/log/logger";
import { storeWebhookRows, type WebhookRowInput } from "@/lib/whatsapp/store-webhook-rows";
import type { WebhookAnswer, WebhookInput } from "@/lib/whatsapp/webhook-input";
import { webhookOrderingKey } from "@/lib/whatsapp/webhook-ordering-key";
import { applyEvolutionConnection } from "./apply-evolution-connection";
import { EVOLUTION_SECRET_HEADER } from "./evolution-client";
import { isGroupJid } from "./evolution-party";
import { evolutionToCloudValue } from "./evolution-to-cloud-value";
import {
  evolutionConnectionSchema,
  evolutionEnvelopeSchema,
  evolutionEventName,
  evolutionMessageSchema,
  evolutionQrSchema,
  oneOrMany,
} from "./evolution-webhook-schema";

const KEPT_HEADERS = ["content-type", "content-length", "user-agent"];

/**
 * POST /api/webhooks/evolution/{channelId}: unknown (or non-Evolution) channel → 404; body over the cap → 413;
 * missing or wrong `x-papo-webhook-secret` → 401, nothing stored; not an Evolution webhook, or another instance's →
 * stored `rejected`, 400. Connection and QR events are applied at once (and stored `processed`); message events are
 * stored raw and handed to process-webhook-event — the same durable ingest as Meta's (parse-stored-webhook.ts).
 * Group messages on a channel that does not allow them, the linked phone's own messages and other events are
 * stored `processed` with the reason, never applied. A disabled channel's rows are stored `rejected`.
 */
export async function receiveEvolutionWebhook(input: WebhookInput, channelId: string): Promise<WebhookAnswer> {
  const channel = await findEvolutionChannel(channelId);
  if (!channel?.appSecretEncrypted) return { status: 404, text: "Unknown channel" };
  const rawBody = await input.readBody();
  if (!rawBody) return { status: 413, text: "Payload too large" };
  if (!sameSecret(input.header(EVOLUTION_SECRET_HEADER), decryptSecret(channel.appSecretEncrypted))) return { status: 401, text: "Invalid webhook secret" };

  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = input.header(name);
    if (v !== null) headers[name] = v;
  }
  const base = { organizationId: channel.organizationId, channelId: channel.id, provider: "evolution", rawBody, headers, signatureValid: true } satisfies Partial<WebhookRowInput>;
  const done = (status: "processed" | "rejected", error: string | null): WebhookRowInput => ({ ...base, status, error, processedAt: new Date() });

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch (err) {
    await storeWebhookRows([done("rejected", `Malformed JSON: ${(err as Error).message}`)]);
    return { status: 400, text: "Malformed webhook body" };
  }
  const envelope = evolutionEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    await storeWebhookRows([done("rejected", `Not an Evolution webhook: ${envelope.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`)]);
    return { status: 400, text: "Malformed webhook body" };
  }
  if (envelope.data.instance !== channel.evolutionInstance) {
    await storeWebhookRows([done("rejected", `Webhook of instance ${envelope.data.instance.slice(0, 100)}, not this channel's`)]);
    return { status: 400, text: "Wrong instance" };
  }
  if (channel.status === "disabled") {
    await storeWebhookRows([done("rejected", "Channel disabled: not processed")]);
    return { status: 200, text: "EVENT_RECEIVED" };
  }

  const event = evolutionEventName(envelope.data.event);
  try {
    if (event === "connection.update" || event === "qrcode.updated") {
      const applied = applyConnectionEvent(channel, event, envelope.data.data);
      if (!applied.ok) {
        await storeWebhookRows([done("rejected", applied.error)]);
        return { status: 400, text: "Malformed webhook body" };
      }
      await applied.run;
      await storeWebhookRows([done("processed", null)]);
      return { status: 200, text: "EVENT_RECEIVED" };
    }
    if (event === "other") {
      await storeWebhookRows([done("processed", `Event ${envelope.data.event.slice(0, 100)}: not used by Papo`)]);
      return { status: 200, text: "EVENT_RECEIVED" };
    }
    let value: ReturnType<typeof evolutionToCloudValue>;
    try {
      value = evolutionToCloudValue(json, channel.id, { allowGroups: channel.allowGroups });
    } catch (err) {
      await storeWebhookRows([done("rejected", `Not an Evolution ${event} webhook: ${String((err as Error).message).slice(0, 1000)}`)]);
      return { status: 400, text: "Malformed webhook body" };
    }
    if (!value.messages.length && !value.statuses.length) {
      await storeWebhookRows([done("processed", ignoredReason(event, envelope.data.data, channel.allowGroups))]);
      return { status: 200, text: "EVENT_RECEIVED" };
    }
    const orderingKey = webhookOrderingKey(channel.organizationId, [{ field: "messages", value, channelId: channel.id }]);
    await storeWebhookRows([{ ...base, status: "received", orderingKey }]);
    return { status: 200, text: "EVENT_RECEIVED" };
  } catch (err) {
    log.error({ err }, "evolution webhook could not be stored; answering 500 so the gateway retries");
    return { status: 500, text: "Not stored; please retry" };
  }
}

async function findEvolutionChannel(channelId: string): Promise<Channel | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(channelId)) return undefined;
  const [channel] = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.provider, "evolution"), isNull(channels.deletedAt)));
  return channel;
}

function applyConnectionEvent(channel: Channel, event: "connection.update" | "qrcode.updated", data: unknown): { ok: true; run: Promise<unknown> } | { ok: false; error: string } {
  if (event === "connection.update") {
    const parsed = evolutionConnectionSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: `Not a connection update: ${parsed.error.issues[0]?.message ?? ""}` };
    return { ok: true, run: applyEvolutionConnection(channel, { kind: "state", state: parsed.data.state, statusReason: parsed.data.statusReason, wuid: parsed.data.wuid }) };
  }
  const parsed = evolutionQrSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: `Not a QR code update: ${parsed.error.issues[0]?.message ?? ""}` };
  const base64 = parsed.data.qrcode?.base64;
  // "QR code limit reached" carries no code: the instance gives up; the page shows the state and a reconnect.
  return { ok: true, run: applyEvolutionConnection(channel, { kind: "qr", base64: base64 && base64.startsWith("data:image/") ? base64 : null }) };
}

function ignoredReason(event: string, data: unknown, allowGroups: boolean): string {
  const items = oneOrMany(evolutionMessageSchema).safeParse(data);
  if (event === "messages.upsert" && items.success) {
    if (items.data.every((m) => m.key.fromMe)) return "Written from the linked phone itself: not imported";
    if (!allowGroups && items.data.some((m) => isGroupJid(m.key.remoteJid))) return "Group message: ignored (groups are off for this number)";
  }
  return `${event}: nothing to apply`;
}

function sameSecret(given: string | null, expected: string): boolean {
  if (!given) return false;
  // Hashing first makes the comparison constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
