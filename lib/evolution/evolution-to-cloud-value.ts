import { evolutionNumberId } from "./evolution-number-id";
import { isGroupJid, phoneOfJid, senderPhone } from "./evolution-party";
import {
  evolutionEnvelopeSchema,
  evolutionEventName,
  evolutionMessageSchema,
  evolutionStatusSchema,
  oneOrMany,
  type EvolutionMessage,
  type EvolutionStatus,
} from "./evolution-webhook-schema";

/** On a send.message status: the text or caption the gateway echoed, or null (read by match-send-echoes.ts). */
export const ECHO_TEXT = "evolution_echo_text";

/** A `field: "messages"` change value in the Cloud API's shape: what Papo's ingest applies for every provider. */
export type CloudMessagesValue = {
  messaging_product: "whatsapp";
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts: { wa_id: string; profile: { name: string } }[];
  messages: Record<string, unknown>[];
  statuses: Record<string, unknown>[];
};

/**
 * Translates one Evolution webhook body (messages.upsert, send.message, messages.update) into the Cloud API's
 * `messages` change for this channel, so the stored Evolution row runs through the same durable ingest as a Meta
 * webhook: same contacts, conversations, idempotency on the message id (Baileys' key id), statuses that only move
 * forward, same flows. Customer messages become Cloud messages (a numbered-text answer stays text: the flow maps
 * "2" / "sim" back to the option); Papo's own sends become `sent`, acks `delivered` / `read`. Messages written from
 * the linked phone itself and group messages (unless `allowGroups`) are left out. Throws on a body that is not one.
 */
export function evolutionToCloudValue(rawJson: unknown, channelId: string, options: { allowGroups?: boolean } = {}): CloudMessagesValue {
  const env = evolutionEnvelopeSchema.parse(rawJson);
  const value: CloudMessagesValue = {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "", phone_number_id: evolutionNumberId(channelId) },
    contacts: [],
    messages: [],
    statuses: [],
  };
  const event = evolutionEventName(env.event);
  if (event === "messages.upsert") {
    for (const m of oneOrMany(evolutionMessageSchema).parse(env.data)) {
      if (m.key.fromMe) continue;
      if (isGroupJid(m.key.remoteJid) && !options.allowGroups) continue;
      const from = senderPhone(m.key);
      if (!from) continue;
      value.contacts.push({ wa_id: from, profile: { name: m.pushName ?? "" } });
      value.messages.push({ id: m.key.id, from, timestamp: String(secondsOf(m.messageTimestamp)), ...cloudContent(m) });
    }
  } else if (event === "send.message") {
    for (const m of oneOrMany(evolutionMessageSchema).parse(env.data)) {
      const to = phoneOfJid(m.key.remoteJid) ?? phoneOfJid(m.key.remoteJidAlt);
      // The gateway took Papo's send: the server ack, as Meta's `sent`.
      // The echoed text lets a send whose answer was lost be recognised (match-send-echoes.ts).
      if (m.key.fromMe && to) value.statuses.push({ id: m.key.id, status: "sent", timestamp: String(secondsOf(m.messageTimestamp)), recipient_id: to, [ECHO_TEXT]: echoText(m) });
    }
  } else if (event === "messages.update") {
    for (const s of oneOrMany(evolutionStatusSchema).parse(env.data)) {
      const status = cloudStatus(s);
      if (status) value.statuses.push(status);
    }
  }
  return value;
}

/** Baileys' ack names → Meta's status names; PENDING (not yet at the server) and others say nothing new. */
function cloudStatus(s: EvolutionStatus): Record<string, unknown> | null {
  if (s.fromMe === false) return null;
  const to = phoneOfJid(s.remoteJid);
  const status = { SERVER_ACK: "sent", DELIVERY_ACK: "delivered", READ: "read", PLAYED: "read", ERROR: "failed" }[s.status.toUpperCase()];
  if (!status) return null;
  return {
    id: s.keyId,
    status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...(to && { recipient_id: to }),
    ...(status === "failed" && { errors: [{ code: 131000, title: "The Evolution gateway reported an error for this message" }] }),
  };
}

function secondsOf(ts: EvolutionMessage["messageTimestamp"]): number {
  const n = Number(ts ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : Math.floor(Date.now() / 1000);
}

type Msg = Record<string, unknown> | null | undefined;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** Baileys' `message` → the Cloud message's `type` + content. */
function cloudContent(m: EvolutionMessage): Record<string, unknown> {
  const msg = (m.message ?? {}) as Record<string, Msg>;
  const text = str(msg.conversation) ?? str(msg.extendedTextMessage?.text);
  if (text !== undefined) return { type: "text", text: { body: text } };
  const buttons = msg.buttonsResponseMessage ?? msg.templateButtonReplyMessage;
  if (buttons) {
    const id = str(buttons.selectedButtonId) ?? str(buttons.selectedId) ?? "";
    const title = str(buttons.selectedDisplayText) ?? "";
    return { type: "interactive", interactive: { type: "button_reply", button_reply: { id, title } } };
  }
  const list = msg.listResponseMessage;
  if (list) {
    const id = str((list.singleSelectReply as Msg)?.selectedRowId) ?? "";
    return { type: "interactive", interactive: { type: "list_reply", list_reply: { id, title: str(list.title) ?? "" } } };
  }
  const location = msg.locationMessage ?? msg.liveLocationMessage;
  if (location) {
    return {
      type: "location",
      location: {
        latitude: Number(location.degreesLatitude ?? 0),
        longitude: Number(location.degreesLongitude ?? 0),
        ...(str(location.name) && { name: str(location.name) }),
        ...(str(location.address) && { address: str(location.address) }),
      },
    };
  }
  const contact = msg.contactMessage;
  if (contact) {
    const waid = /waid=(\d+)/.exec(str(contact.vcard) ?? "")?.[1];
    return {
      type: "contacts",
      contacts: [{ name: { formatted_name: str(contact.displayName) ?? "" }, ...(waid && { phones: [{ phone: `+${waid}`, wa_id: waid }] }) }],
    };
  }
  const reaction = msg.reactionMessage;
  if (reaction) return { type: "reaction", reaction: { message_id: str((reaction.key as Msg)?.id) ?? "", emoji: str(reaction.text) ?? "" } };
  // Media lives encrypted on WhatsApp's servers; the gateway decrypts it on request (getBase64FromMediaMessage, by
  // the message's key id), so the key id stands where Meta puts a media id and the same download pipeline fetches it
  // (lib/media/download-inbound-media.ts → downloadEvolutionMedia).
  for (const kind of ["image", "video", "audio", "document", "sticker"] as const) {
    const media = msg[`${kind}Message`] ?? (kind === "document" ? (msg.documentWithCaptionMessage as { message?: Record<string, Msg> } | undefined)?.message?.documentMessage : undefined);
    if (media) {
      const caption = str(media.caption);
      const filename = str(media.fileName);
      return {
        type: kind,
        [kind]: { id: m.key.id, ...(str(media.mimetype) && { mime_type: str(media.mimetype) }), ...(caption && { caption }), ...(filename && { filename }), ...(media.isAnimated === true && { animated: true }) },
      };
    }
  }
  return { type: "unsupported", unsupported: { type: m.messageType ?? "unknown" } };
}

/** The text or caption of a message Papo sent, as the gateway echoes it (null when it has none). */
function echoText(m: EvolutionMessage): string | null {
  const msg = (m.message ?? {}) as Record<string, { text?: unknown; caption?: unknown } | string | undefined>;
  if (typeof msg.conversation === "string") return msg.conversation;
  for (const part of Object.values(msg)) {
    if (part && typeof part === "object") {
      if (typeof part.text === "string") return part.text;
      if (typeof part.caption === "string") return part.caption;
    }
  }
  return null;
}
