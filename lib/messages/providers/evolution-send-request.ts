import { outboundMessage, type ContactsMessage, type OutboundMessage, type OutboundMessageInput } from "../neutral/neutral-message";
import { numberedOptionsText } from "./numbered-options-text";
import { UnsupportedOnProviderError, type ProviderRequest } from "./provider-request";

export type EvolutionSendOptions = {
  /** Gateway id of the message this one quotes. */
  replyTo?: string;
  /** The customer's JID, needed to react to or quote their message. */
  remoteJid?: string;
};

/**
 * Evolution API v2 adapter: the endpoint (`/message/send…/{instance}`) and body for one neutral message. Media goes
 * by URL (a gateway cannot fetch Meta media ids); buttons and lists become numbered text options; a template has
 * no meaning on WhatsApp Web and is refused. Pure: validates like every adapter and throws on what cannot go.
 */
export function evolutionSendRequest(instance: string, to: string, input: OutboundMessageInput, options: EvolutionSendOptions = {}): ProviderRequest {
  const message = outboundMessage.parse(input);
  const number = to.replace(/\D/g, "");
  const base = {
    number,
    ...(options.replyTo && { quoted: { key: { id: options.replyTo, ...(options.remoteJid && { remoteJid: options.remoteJid }), fromMe: false } } }),
  };
  const at = (endpoint: string) => `/message/${endpoint}/${encodeURIComponent(instance)}`;
  const { endpoint, body } = evolutionBody(message, base, options);
  return { provider: "evolution", path: at(endpoint), body };
}

function evolutionBody(m: OutboundMessage, base: Record<string, unknown>, options: EvolutionSendOptions): { endpoint: string; body: Record<string, unknown> } {
  switch (m.type) {
    case "text":
      return { endpoint: "sendText", body: { ...base, text: m.body, ...(m.previewUrl !== undefined && { linkPreview: m.previewUrl }) } };
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker": {
      if (!("link" in m.media)) throw new UnsupportedOnProviderError("evolution", m.type, "media must be sent by URL, not by a Meta media id");
      const url = m.media.link;
      if (m.type === "audio") return { endpoint: "sendWhatsAppAudio", body: { ...base, audio: url } };
      if (m.type === "sticker") return { endpoint: "sendSticker", body: { ...base, sticker: url } };
      return {
        endpoint: "sendMedia",
        body: { ...base, mediatype: m.type, media: url, ...(m.caption && { caption: m.caption }), ...(m.filename && { fileName: m.filename }) },
      };
    }
    case "location":
      return {
        endpoint: "sendLocation",
        body: { ...base, latitude: m.latitude, longitude: m.longitude, ...(m.name && { name: m.name }), ...(m.address && { address: m.address }) },
      };
    case "contacts":
      return { endpoint: "sendContact", body: { ...base, contact: m.contacts.map(contactCard) } };
    case "reaction":
      if (!options.remoteJid) throw new UnsupportedOnProviderError("evolution", "reaction", "the customer's JID is needed to react");
      return { endpoint: "sendReaction", body: { key: { remoteJid: options.remoteJid, fromMe: false, id: m.messageId }, reaction: m.emoji } };
    case "buttons":
    case "list":
      return { endpoint: "sendText", body: { ...base, text: numberedOptionsText(m) } };
    case "cta_url":
      return { endpoint: "sendText", body: { ...base, text: `${m.body}\n\n${m.displayText}: ${m.url}${m.footer ? `\n\n_${m.footer}_` : ""}`, linkPreview: true } };
    case "template":
      throw new UnsupportedOnProviderError("evolution", "template", "templates exist only on the official Cloud API");
  }
}

type Card = ContactsMessage["contacts"][number] & {
  phones?: { phone?: string; wa_id?: string }[];
  org?: { company?: string };
  emails?: { email?: string }[];
  urls?: { url?: string }[];
};

/** Meta's contact card → Evolution's `ContactMessage` (one phone: the first, as WhatsApp Web shows one). */
function contactCard(c: Card): Record<string, unknown> {
  const phone = c.phones?.[0];
  const digits = (phone?.wa_id ?? phone?.phone ?? "").replace(/\D/g, "");
  return {
    fullName: c.name.formatted_name,
    wuid: digits,
    phoneNumber: phone?.phone ?? (digits ? `+${digits}` : ""),
    ...(c.org?.company && { organization: c.org.company }),
    ...(c.emails?.[0]?.email && { email: c.emails[0].email }),
    ...(c.urls?.[0]?.url && { url: c.urls[0].url }),
  };
}
