import { z } from "zod";
import { metaErrorSchema } from "./common-schema";

/**
 * `value` of a `field: "messages"` change. Messages and statuses stay unknown[] here and are parsed one by one
 * (parseInboundMessage, messageStatusSchema), so one odd item never sinks its neighbours.
 */
export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z
    .array(
      z.looseObject({
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
        profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
      }),
    )
    .default([]),
  messages: z.array(z.unknown()).default([]),
  statuses: z.array(z.unknown()).default([]),
  errors: z.array(metaErrorSchema).default([]),
});

export type MessagesValue = z.infer<typeof messagesValueSchema>;
export type WebhookContact = MessagesValue["contacts"][number];
