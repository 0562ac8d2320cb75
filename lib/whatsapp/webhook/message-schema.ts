import { z } from "zod";
import { metaErrorSchema, unixSeconds } from "./common-schema";

const media = z.looseObject({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
});

/** Keys every inbound message shares. A username user may have no `from` phone, only `from_user_id` (BSUID). */
const base = {
  id: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: unixSeconds,
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
      referred_product: z.looseObject({ catalog_id: z.string(), product_retailer_id: z.string() }).optional(),
    })
    .optional(),
  referral: z
    .looseObject({
      source_url: z.string().optional(),
      source_id: z.string().optional(),
      source_type: z.string().optional(),
      body: z.string().optional(),
      headline: z.string().optional(),
      media_type: z.string().optional(),
      ctwa_clid: z.string().optional(),
    })
    .optional(),
  errors: z.array(metaErrorSchema).optional(),
};

const interactive = z.union([
  z.looseObject({ type: z.literal("button_reply"), button_reply: z.looseObject({ id: z.string(), title: z.string() }) }),
  z.looseObject({
    type: z.literal("list_reply"),
    list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }),
  }),
  z.looseObject({
    type: z.literal("nfm_reply"),
    nfm_reply: z.looseObject({ name: z.string().optional(), body: z.string().optional(), response_json: z.string() }),
  }),
  // call_permission_reply and whatever Meta adds next: kept as sent, typed loosely.
  z.looseObject({ type: z.string() }),
]);

/** One schema per documented inbound type, discriminated on `type`. Unknown keys pass through untouched. */
export const inboundMessageSchema = z.discriminatedUnion("type", [
  z.looseObject({ ...base, type: z.literal("text"), text: z.looseObject({ body: z.string() }) }),
  z.looseObject({ ...base, type: z.literal("image"), image: media }),
  z.looseObject({ ...base, type: z.literal("video"), video: media }),
  z.looseObject({ ...base, type: z.literal("audio"), audio: media.extend({ voice: z.boolean().optional() }) }),
  z.looseObject({ ...base, type: z.literal("document"), document: media.extend({ filename: z.string().optional() }) }),
  z.looseObject({ ...base, type: z.literal("sticker"), sticker: media.extend({ animated: z.boolean().optional() }) }),
  z.looseObject({
    ...base,
    type: z.literal("location"),
    location: z.looseObject({
      latitude: z.coerce.number(),
      longitude: z.coerce.number(),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    }),
  }),
  z.looseObject({
    ...base,
    type: z.literal("contacts"),
    contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().optional() }).optional() })),
  }),
  z.looseObject({ ...base, type: z.literal("interactive"), interactive }),
  z.looseObject({ ...base, type: z.literal("button"), button: z.looseObject({ text: z.string(), payload: z.string().optional() }) }),
  z.looseObject({
    ...base,
    type: z.literal("reaction"),
    // An absent or empty emoji means the reaction was removed.
    reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }),
  }),
  z.looseObject({
    ...base,
    type: z.literal("order"),
    order: z.looseObject({
      catalog_id: z.string(),
      text: z.string().optional(),
      product_items: z.array(
        z.looseObject({
          product_retailer_id: z.string(),
          quantity: z.coerce.number(),
          item_price: z.coerce.number(),
          currency: z.string(),
        }),
      ),
    }),
  }),
  z.looseObject({
    ...base,
    type: z.literal("system"),
    system: z.looseObject({ body: z.string().optional(), type: z.string().optional(), wa_id: z.string().optional() }),
  }),
  z.looseObject({ ...base, type: z.literal("unsupported"), unsupported: z.looseObject({ type: z.string().optional() }).optional() }),
  z.looseObject({ ...base, type: z.literal("request_welcome") }),
]);

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type InboundMessageType = InboundMessage["type"];

const identity = z.looseObject({ ...base, type: z.string().optional() });

/**
 * Parses one `messages[]` item. A type Papo does not know, or a known type whose body does not match, becomes an
 * `unsupported` message that keeps the original type and the parse problem — never dropped, never a failed batch.
 * Null only when the item has no usable id/timestamp: without a wamid it cannot be stored idempotently.
 */
export function parseInboundMessage(raw: unknown): InboundMessage | null {
  const parsed = inboundMessageSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const ids = identity.safeParse(raw);
  if (!ids.success) return null;
  const originalType = ids.data.type ?? "unknown";
  return {
    ...(raw as Record<string, unknown>),
    ...ids.data,
    type: "unsupported",
    unsupported: { type: originalType },
    papo_parse_error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  } as InboundMessage;
}
