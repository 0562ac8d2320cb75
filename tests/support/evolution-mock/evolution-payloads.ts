import { createHash, randomBytes } from "node:crypto";

/**
 * Evolution API v2's webhook bodies, built the way its Baileys integration sends them (`sendDataWebhook`): an
 * envelope `{ event, instance, data, destination, date_time, sender, server_url, apikey }` with the event name in
 * its dotted lower-case form, and `data` shaped per event (see EvolutionAPI/evolution-api,
 * src/api/integrations/channel/whatsapp/whatsapp.baileys.service.ts).
 */
export type EvolutionEventName = "messages.upsert" | "messages.update" | "send.message" | "connection.update" | "qrcode.updated";

export const EVENT_CONSTANTS: Record<EvolutionEventName, string> = {
  "messages.upsert": "MESSAGES_UPSERT",
  "messages.update": "MESSAGES_UPDATE",
  "send.message": "SEND_MESSAGE",
  "connection.update": "CONNECTION_UPDATE",
  "qrcode.updated": "QRCODE_UPDATED",
};

export function envelope(
  event: EvolutionEventName,
  instance: { name: string; ownerJid: string | null; token: string },
  data: unknown,
  serverUrl: string,
  destination: string,
) {
  return {
    event,
    instance: instance.name,
    data,
    destination,
    date_time: new Date().toISOString(),
    sender: instance.ownerJid ?? "",
    server_url: serverUrl,
    apikey: instance.token,
  };
}

/** A WhatsApp message id as Baileys makes them (3EB0 + hex). */
export const gatewayMessageId = () => `3EB0${randomBytes(9).toString("hex").toUpperCase()}`;

/** A QR code as Evolution returns it: the pairing string and a PNG data URL (a real, tiny PNG). */
export function qrCode(count: number) {
  const code = `2@${randomBytes(24).toString("base64")},${randomBytes(16).toString("base64")},${count}`;
  // Each code a different image, like the gateway's: the count rides after the PNG's end (decoders ignore it).
  const png = Buffer.concat([Buffer.from(TINY_PNG, "base64"), Buffer.from(`qr-${count}`)]).toString("base64");
  return { pairingCode: null, code, base64: `data:image/png;base64,${png}`, count };
}

/** What a customer can send, in Baileys' `proto.IMessage` shape (the `message` of messages.upsert). */
export type CustomerMessage =
  | { text: string; extended?: boolean }
  | { image: { url?: string; mimetype?: string; caption?: string } }
  /** Any media kind with its bytes: the mock serves them from getBase64FromMediaMessage by the message's id. */
  | { media: { kind: "image" | "video" | "audio" | "document" | "sticker"; bytes: Uint8Array; mimetype: string; caption?: string; fileName?: string } }
  | { location: { latitude: number; longitude: number; name?: string; address?: string } }
  | { buttonReply: { id: string; title: string } }
  | { listReply: { id: string; title: string } }
  | { reaction: { messageId: string; emoji: string } };

export function baileysMessage(m: CustomerMessage): { message: Record<string, unknown>; messageType: string } {
  if ("text" in m) {
    return m.extended
      ? { message: { extendedTextMessage: { text: m.text } }, messageType: "extendedTextMessage" }
      : { message: { conversation: m.text }, messageType: "conversation" };
  }
  if ("image" in m) {
    return {
      message: { imageMessage: { url: m.image.url ?? "https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m232/x.enc", mimetype: m.image.mimetype ?? "image/jpeg", ...(m.image.caption && { caption: m.image.caption }) } },
      messageType: "imageMessage",
    };
  }
  if ("media" in m) {
    const { kind, mimetype, caption, fileName, bytes } = m.media;
    const part = {
      url: "https://mmg.whatsapp.net/v/t62.7118-24/f2/m269/x.enc",
      mimetype,
      fileSha256: createHash("sha256").update(bytes).digest("base64"),
      fileLength: String(bytes.length),
      mediaKey: randomBytes(32).toString("base64"),
      directPath: "/v/t62.7118-24/f2/m269/x.enc",
      ...(kind === "audio" && { ptt: mimetype.includes("ogg"), seconds: 3 }),
      ...(caption && { caption }),
      ...(fileName && { fileName, title: fileName }),
    };
    return { message: { [`${kind}Message`]: part }, messageType: `${kind}Message` };
  }
  if ("location" in m) {
    return {
      message: { locationMessage: { degreesLatitude: m.location.latitude, degreesLongitude: m.location.longitude, ...(m.location.name && { name: m.location.name }), ...(m.location.address && { address: m.location.address }) } },
      messageType: "locationMessage",
    };
  }
  if ("buttonReply" in m) {
    return { message: { buttonsResponseMessage: { selectedButtonId: m.buttonReply.id, selectedDisplayText: m.buttonReply.title } }, messageType: "buttonsResponseMessage" };
  }
  if ("listReply" in m) {
    return { message: { listResponseMessage: { title: m.listReply.title, listType: 1, singleSelectReply: { selectedRowId: m.listReply.id } } }, messageType: "listResponseMessage" };
  }
  return { message: { reactionMessage: { key: { id: m.reaction.messageId, fromMe: true }, text: m.reaction.emoji } }, messageType: "reactionMessage" };
}

// A 1×1 PNG: enough for an <img> to load.
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
