import type { Channel } from "@/db/schema";
import type { CustomerAction, SandboxCustomer } from "./customer-action";

/** A file the customer sent, already stored by the sandbox (sandbox-media-store.ts): Meta's webhook names it by id. */
export type MediaAction = {
  type: "image" | "document";
  mediaId: string;
  mimeType: string;
  sha256: string;
  caption?: string;
  filename?: string;
};

export type SandboxChannelIds = Pick<Channel, "wabaId" | "phoneNumberId" | "displayPhoneNumber">;

/** `value.metadata` as Meta sends it: the display number without "+", and the phone number id. */
export function sandboxMetadata(channel: SandboxChannelIds) {
  return { display_phone_number: channel.displayPhoneNumber.replace(/\D/g, ""), phone_number_id: channel.phoneNumberId };
}

/**
 * The webhook body Meta would POST when `customer` does `action` on WhatsApp (shapes of
 * shared/meta/payloads/inbound_*.json): one entry, one `messages` change, the customer's profile in `contacts`.
 */
export function buildInboundPayload(args: {
  channel: SandboxChannelIds;
  customer: SandboxCustomer;
  action: CustomerAction | MediaAction;
  waMessageId: string;
  at?: Date;
}): Record<string, unknown> {
  const { channel, customer, action } = args;
  const timestamp = String(Math.floor((args.at ?? new Date()).getTime() / 1000));
  const business = channel.displayPhoneNumber.replace(/\D/g, "");
  const message: Record<string, unknown> = { from: customer.phone, id: args.waMessageId, timestamp, type: action.type };
  switch (action.type) {
    case "text":
      message.text = { body: action.body };
      if (action.replyTo) message.context = { from: business, id: action.replyTo };
      break;
    case "location":
      message.location = {
        latitude: action.latitude,
        longitude: action.longitude,
        ...(action.name && { name: action.name }),
        ...(action.address && { address: action.address }),
      };
      break;
    case "button_reply":
      message.type = "interactive";
      message.context = { from: business, id: action.contextId };
      message.interactive = { type: "button_reply", button_reply: { id: action.id, title: action.title } };
      break;
    case "list_reply":
      message.type = "interactive";
      message.context = { from: business, id: action.contextId };
      message.interactive = {
        type: "list_reply",
        list_reply: { id: action.id, title: action.title, ...(action.description && { description: action.description }) },
      };
      break;
    case "reaction":
      message.reaction = { message_id: action.messageId, ...(action.emoji && { emoji: action.emoji }) };
      break;
    case "image":
    case "document":
      message[action.type] = {
        ...(action.caption && { caption: action.caption }),
        ...(action.type === "document" && action.filename && { filename: action.filename }),
        mime_type: action.mimeType,
        sha256: action.sha256,
        id: action.mediaId,
      };
      break;
  }
  return envelope(channel, {
    messaging_product: "whatsapp",
    metadata: sandboxMetadata(channel),
    contacts: [{ profile: { name: customer.name }, wa_id: customer.phone }],
    messages: [message],
  });
}

export type SandboxStatus = "sent" | "delivered" | "read";

/**
 * A status webhook for one outbound message (shapes of shared/meta/payloads/status_*.json). Service conversations
 * inside the window are free, so `sent`/`delivered` carry Meta's free_customer_service pricing; `read` none.
 */
export function buildStatusPayload(args: {
  channel: SandboxChannelIds;
  waMessageId: string;
  status: SandboxStatus;
  recipientId: string;
  callbackData?: string;
  at?: Date;
}): Record<string, unknown> {
  const isPhone = /^\d+$/.test(args.recipientId);
  const status: Record<string, unknown> = {
    id: args.waMessageId,
    status: args.status,
    timestamp: String(Math.floor((args.at ?? new Date()).getTime() / 1000)),
    ...(isPhone ? { recipient_id: args.recipientId } : { recipient_user_id: args.recipientId }),
    ...(args.callbackData !== undefined && { biz_opaque_callback_data: args.callbackData }),
    ...(args.status !== "read" && {
      pricing: { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" },
    }),
  };
  return envelope(args.channel, { messaging_product: "whatsapp", metadata: sandboxMetadata(args.channel), statuses: [status] });
}

function envelope(channel: SandboxChannelIds, value: Record<string, unknown>) {
  return { object: "whatsapp_business_account", entry: [{ id: channel.wabaId, changes: [{ value, field: "messages" }] }] };
}
