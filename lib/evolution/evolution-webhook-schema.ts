import { z } from "zod";

/**
 * Evolution API v2's webhook envelope: `{ event, instance, data, date_time, sender, server_url, apikey, … }`. The event
 * is `messages.upsert` (or `MESSAGES_UPSERT` from older gateways: both accepted, see evolutionEventName). `data` is
 * checked per event by the schemas below; unknown keys pass through (the raw bytes are stored anyway).
 */
export const evolutionEnvelopeSchema = z.looseObject({
  event: z.string().min(1).max(100),
  instance: z.string().min(1).max(200),
  data: z.unknown(),
  date_time: z.string().optional(),
});
export type EvolutionEnvelope = z.infer<typeof evolutionEnvelopeSchema>;

export type EvolutionEventName = "messages.upsert" | "messages.update" | "send.message" | "connection.update" | "qrcode.updated" | "other";

/** `MESSAGES_UPSERT` and `messages.upsert` (and by-event URL suffixes like `messages-upsert`) name the same event. */
export function evolutionEventName(event: string): EvolutionEventName {
  const e = event.toLowerCase().replace(/[_-]/g, ".");
  return e === "messages.upsert" || e === "messages.update" || e === "send.message" || e === "connection.update" || e === "qrcode.updated" ? e : "other";
}

const jid = z.string().min(1).max(200);
export const messageKeySchema = z.looseObject({
  remoteJid: jid,
  fromMe: z.boolean(),
  id: z.string().min(1).max(200),
  participant: jid.nullish(),
  /** LID-addressed chats (WhatsApp's newer ids) carry the phone JID here. */
  remoteJidAlt: jid.nullish(),
  senderPn: jid.nullish(),
});

/** messages.upsert and send.message: one Baileys WebMessageInfo. */
export const evolutionMessageSchema = z.looseObject({
  key: messageKeySchema,
  pushName: z.string().max(500).nullish(),
  message: z.record(z.string(), z.unknown()).nullish(),
  messageType: z.string().max(100).optional(),
  messageTimestamp: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
  status: z.string().max(50).nullish(),
});
export type EvolutionMessage = z.infer<typeof evolutionMessageSchema>;

/** messages.update: a status of one message. */
export const evolutionStatusSchema = z.looseObject({
  keyId: z.string().min(1).max(200),
  remoteJid: jid.optional(),
  fromMe: z.boolean().optional(),
  status: z.string().min(1).max(50),
});
export type EvolutionStatus = z.infer<typeof evolutionStatusSchema>;

export const evolutionConnectionSchema = z.looseObject({
  state: z.enum(["open", "connecting", "close", "refused"]),
  statusReason: z.number().int().optional(),
  wuid: jid.nullish(),
  profileName: z.string().nullish(),
});

export const evolutionQrSchema = z.looseObject({
  qrcode: z.looseObject({ base64: z.string().max(200_000).nullish(), code: z.string().max(2000).nullish() }).optional(),
  message: z.string().max(500).optional(),
});

/** One item or a list of them: gateways batch some events. */
export const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(500)]).transform((v) => (Array.isArray(v) ? v : [v]));
