import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { inngestClientOptions } from "./mode";

/**
 * Papo's events. Functions trigger on these and send() validates against them. An event that concerns an
 * organization carries its `organizationId`: the executor files the event and its runs under it, which is what
 * lets the organization's admins (and only them) see those runs.
 */
export const webhookReceived = eventType("papo/webhook.received", {
  schema: z.object({ webhookEventId: z.uuid(), organizationId: z.uuid().optional() }),
});
export const testPing = eventType("papo/test.ping", {
  schema: z.object({ message: z.string().optional(), organizationId: z.uuid().optional() }),
});

/** Send one queued outbound message (inngest/functions/send-message.ts). */
export const messageSend = eventType("papo/message.send", {
  schema: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
});
/**
 * A status webhook for one of Papo's outbound messages, emitted by the webhook side with the message id Meta
 * echoes in `biz_opaque_callback_data`: the evidence send-message waits for after an ambiguous failure.
 */
export const messageStatus = eventType("papo/message.status", {
  schema: z.object({
    organizationId: z.uuid(),
    messageId: z.uuid(),
    waMessageId: z.string().min(1),
    status: z.enum(["sent", "delivered", "read", "played", "failed"]),
  }),
});

/** The one Inngest client. Mode (cloud / self-hosted / embedded) is decided lazily by inngest/mode.ts. */
export const inngest = new Inngest(inngestClientOptions("papo"));
