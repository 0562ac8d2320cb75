import { LIMITS, outboundMessage, type OutboundMessage, type OutboundMessageInput } from "./message-schema";

/** Who receives the message: a phone number (E.164, `+` added when missing) or a business-scoped user id. */
export type Recipient = { to: string } | { recipient: string };

export type SendOptions = {
  /** wamid of the message this one replies to (shown as a quote). */
  replyTo?: string;
  /** Echoed by Meta on every status webhook of this message (≤ 512 bytes); Papo puts its message id here. */
  callbackData?: string;
};

/**
 * Meta's exact `POST /{phone-number-id}/messages` body for one message. Pure: validates the limits (throws a
 * ZodError naming the field) and builds the JSON, so tests compare it with Meta's documented requests.
 */
export function buildSendBody(recipient: Recipient, input: OutboundMessageInput, options: SendOptions = {}): Record<string, unknown> {
  const message = outboundMessage.parse(input);
  if (options.callbackData !== undefined && Buffer.byteLength(options.callbackData) > LIMITS.callbackDataBytes) {
    throw new Error(`biz_opaque_callback_data must be at most ${LIMITS.callbackDataBytes} bytes`);
  }
  const body: Record<string, unknown> = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    ...("to" in recipient ? { to: withPlus(recipient.to) } : { recipient: recipient.recipient }),
    ...payload(message),
  };
  if (options.replyTo) body.context = { message_id: options.replyTo };
  if (options.callbackData !== undefined) body.biz_opaque_callback_data = options.callbackData;
  return body;
}

function payload(m: OutboundMessage): Record<string, unknown> {
  switch (m.type) {
    case "text":
      return { type: "text", text: { ...(m.previewUrl !== undefined && { preview_url: m.previewUrl }), body: m.body } };
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return { type: m.type, [m.type]: { ...m.media, ...(m.filename && { filename: m.filename }), ...(m.caption && { caption: m.caption }) } };
    case "location":
      return {
        type: "location",
        location: { latitude: String(m.latitude), longitude: String(m.longitude), ...(m.name && { name: m.name }), ...(m.address && { address: m.address }) },
      };
    case "contacts":
      return { type: "contacts", contacts: m.contacts };
    case "reaction":
      return { type: "reaction", reaction: { message_id: m.messageId, emoji: m.emoji } };
    case "buttons":
      return interactive({
        type: "button",
        header: m.header,
        body: m.body,
        footer: m.footer,
        action: { buttons: m.buttons.map((b) => ({ type: "reply", reply: { id: b.id, title: b.title } })) },
      });
    case "list":
      return interactive({
        type: "list",
        header: m.header ? { type: "text", text: m.header } : undefined,
        body: m.body,
        footer: m.footer,
        action: {
          button: m.button,
          sections: m.sections.map((s) => ({
            ...(s.title && { title: s.title }),
            rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description && { description: r.description }) })),
          })),
        },
      });
    case "cta_url":
      return interactive({
        type: "cta_url",
        header: m.header,
        body: m.body,
        footer: m.footer,
        action: { name: "cta_url", parameters: { display_text: m.displayText, url: m.url } },
      });
    case "template":
      return {
        type: "template",
        template: { name: m.name, language: { code: m.language }, ...(m.components?.length && { components: m.components }) },
      };
  }
}

function interactive(i: { type: string; header?: unknown; body: string; footer?: string; action: unknown }) {
  return {
    type: "interactive",
    interactive: {
      type: i.type,
      ...(i.header !== undefined && { header: i.header }),
      body: { text: i.body },
      ...(i.footer && { footer: { text: i.footer } }),
      action: i.action,
    },
  };
}

/** Without `+`, Meta prefixes the business number's country code: a misdelivery risk (REFERENCE §3). */
function withPlus(to: string): string {
  const t = to.trim();
  return t.startsWith("+") ? t : `+${t}`;
}
