import { z } from "zod";

const types = ["text", "image", "video", "audio", "document", "sticker", "location", "contacts", "reaction", "interactive", "template"] as const;

/**
 * What the sandbox Graph API accepts on POST /{phone-number-id}/messages: Meta's send body (or its mark-as-read
 * body), checked for what Meta rejects with (#100) Invalid parameter. Papo's own sender validates the limits in
 * depth before calling (lib/whatsapp/graph/message-schema.ts); this is the API side of the contract.
 */
export const graphSendBody = z
  .looseObject({
    messaging_product: z.literal("whatsapp"),
    recipient_type: z.literal("individual").optional(),
    to: z.string().regex(/^\+?\d{6,15}$/, "to must be a phone number in international format").optional(),
    recipient: z.string().min(1).optional(),
    type: z.enum(types).default("text"),
    context: z.looseObject({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().optional(),
    text: z.looseObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }).optional(),
    reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string() }).optional(),
    interactive: z.looseObject({ type: z.string(), action: z.looseObject({}) }).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.to && !b.recipient) ctx.addIssue({ code: "custom", path: ["to"], message: "Either to or recipient is required" });
    if ((b as Record<string, unknown>)[b.type] === undefined) ctx.addIssue({ code: "custom", path: [b.type], message: `${b.type} object is required for type ${b.type}` });
    if (b.biz_opaque_callback_data !== undefined && Buffer.byteLength(b.biz_opaque_callback_data) > 512) {
      ctx.addIssue({ code: "custom", path: ["biz_opaque_callback_data"], message: "biz_opaque_callback_data must be at most 512 bytes" });
    }
  });

export const graphMarkReadBody = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1),
});
