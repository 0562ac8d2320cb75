import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { inngestClientOptions } from "./mode";

/**
 * Papo's events. Functions trigger on these and send() validates against them. An event that concerns an
 * organization carries its `organizationId`: the executor files the event and its runs under it, which is what
 * lets the organization's admins (and only them) see those runs.
 */
export const webhookReceived = eventType("papo/webhook.received", {
  schema: z.object({
    webhookEventId: z.uuid(),
    organizationId: z.uuid().optional(),
    /** process-webhook-event's concurrency key: one customer of one channel (lib/whatsapp/webhook-ordering-key.ts). */
    orderingKey: z.string().optional(),
  }),
});
export const testPing = eventType("papo/test.ping", {
  schema: z.object({ message: z.string().optional(), organizationId: z.uuid().optional() }),
});

/**
 * Send one queued outbound message (inngest/functions/send-message.ts). `channelId` is the business number it goes
 * out from: send-message is throttled per channel on it (WHATSAPP_SEND_RATE_PER_SECOND).
 */
export const messageSend = eventType("papo/message.send", {
  // proactive: a notice or campaign message, paced on an Evolution number (lib/evolution/proactive-pacing.ts).
  schema: z.object({ organizationId: z.uuid(), messageId: z.uuid(), channelId: z.uuid(), conversationId: z.uuid(), proactive: z.boolean().optional() }),
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

/**
 * An outbound message that had been in doubt (its send failed ambiguously) is settled: it has Meta's id, or it
 * failed. The conversation's later sends that were waiting behind it go on (inngest/functions/deliver-message.ts).
 */
export const messageSettled = eventType("papo/message.settled", {
  schema: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
});

/** Run a started contact CSV import in batches (inngest/functions/import-contacts.ts). */
export const contactsImport = eventType("papo/contacts.import", {
  schema: z.object({ organizationId: z.uuid(), importId: z.uuid() }),
});

/** Sync one channel's message templates from Meta (inngest/functions/sync-templates.ts). */
export const templatesSync = eventType("papo/templates.sync", {
  schema: z.object({ organizationId: z.uuid(), channelId: z.uuid() }),
});

/**
 * The sandbox Graph API accepted a message (app/api/sandbox/graph): deliver its status webhooks (sent → delivered →
 * read) to the channel's own webhook URL (inngest/functions/sandbox-deliver-statuses.ts).
 */
export const sandboxOutbound = eventType("papo/sandbox.outbound", {
  schema: z.object({
    organizationId: z.uuid(),
    channelId: z.uuid(),
    waMessageId: z.string().min(1),
    /** wa_id (digits) or the business-scoped user id the message went to. */
    recipientId: z.string().min(1),
    callbackData: z.string().max(512).optional(),
  }),
});

/**
 * A template was submitted (or edited) on a sandbox number: review it after a few seconds and report the verdict
 * through the status webhook, like Meta (inngest/functions/sandbox-review-template.ts).
 */
export const sandboxTemplateSubmitted = eventType("papo/sandbox.template_submitted", {
  schema: z.object({ channelId: z.uuid(), metaTemplateId: z.string().min(1) }),
});

/** An inbound message with media was stored: download it (inngest/functions/download-inbound-media.ts). */
export const mediaReceived = eventType("papo/media.received", {
  schema: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
});

/**
 * A customer's message was stored for the first time (never for a duplicate delivery): the flow runtime and
 * anything else that reacts to inbound messages trigger on this. Emitted by process-webhook-event.
 */
export const messageReceived = eventType("papo/message.received", {
  schema: z.object({
    organizationId: z.uuid(),
    channelId: z.uuid(),
    conversationId: z.uuid(),
    contactId: z.uuid(),
    messageId: z.uuid(),
  }),
});

/**
 * A notification with `fallback: "sms"` (inngest/functions/send-notification.ts): the same delivery steps as
 * send-message, then the SMS when WhatsApp refused it for good.
 */
export const notificationSend = eventType("papo/notification.send", {
  schema: z.object({ organizationId: z.uuid(), messageId: z.uuid(), channelId: z.uuid(), conversationId: z.uuid() }),
});

/** Send one queued SMS row through the organization's gateway (inngest/functions/send-sms.ts). */
export const smsSend = eventType("papo/sms.send", {
  schema: z.object({ organizationId: z.uuid(), messageId: z.uuid() }),
});

/**
 * A status webhook reported a WhatsApp message failed for a reason an SMS gets around (after Meta had accepted it):
 * inngest/functions/send-late-sms-fallback.ts sends the SMS when the message was a notification with
 * `fallback: "sms"`. Keyed by the wamid (a status is known by it before its row is looked up).
 */
export const lateSmsFallback = eventType("papo/notification.late_failure", {
  schema: z.object({ organizationId: z.uuid(), channelId: z.uuid(), waMessageId: z.string().min(1) }),
});

/** Work through a notifications batch's items (inngest/functions/process-notification-batch.ts). */
export const notificationBatchCreated = eventType("papo/notification-batch.created", {
  schema: z.object({ organizationId: z.uuid(), batchId: z.uuid() }),
});

/**
 * A number's connection to WhatsApp dropped or came back (an Evolution number: CONNECTION_UPDATE), sent once per
 * change by lib/evolution/apply-evolution-connection.ts (event id from the change's time, so a replayed webhook
 * sends it once). The hook for anything that must tell people about it, e.g. the notification centre: subscribe a
 * function to this event rather than to the webhook.
 */
export const channelConnectionChanged = eventType("papo/channel.connection-changed", {
  schema: z.object({ organizationId: z.uuid(), channelId: z.uuid(), channelName: z.string(), change: z.enum(["dropped", "restored"]), at: z.string() }),
});

/**
 * An appointment's time was set (created or rescheduled): its confirmation and reminders for this version
 * (inngest/functions/appointments/appointment-reminders.ts). The event id carries the version: one run per version.
 */
export const appointmentScheduled = eventType("papo/appointment.scheduled", {
  schema: z.object({ organizationId: z.uuid(), appointmentId: z.uuid(), version: z.number().int() }),
});

/** The one Inngest client. Mode (cloud / self-hosted / embedded) is decided lazily by inngest/mode.ts. */
export const inngest = new Inngest(inngestClientOptions("papo"));
