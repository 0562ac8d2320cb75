import { z } from "zod";

/**
 * The outer shape of every WhatsApp Business Account webhook. `value` stays unknown here: each `field` has its own
 * schema, and one change that fails its schema must not fail the others in the batch.
 */
export const webhookEnvelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).default([]),
    }),
  ),
});

export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
export type WebhookEntry = WebhookEnvelope["entry"][number];
export type WebhookChange = WebhookEntry["changes"][number];
