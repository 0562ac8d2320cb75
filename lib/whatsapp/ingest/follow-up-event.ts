/** An event process-webhook-event sends once the webhook is applied (ids make every one of them idempotent). */
export type FollowUpEvent =
  | { id: string; name: "papo/message.received"; data: { organizationId: string; channelId: string; conversationId: string; contactId: string; messageId: string } }
  | { id: string; name: "papo/media.received"; data: { organizationId: string; messageId: string } }
  | { id: string; name: "papo/message.status"; data: { organizationId: string; messageId: string; waMessageId: string; status: MessageStatusName } }
  | { id: string; name: "papo/templates.sync"; data: { organizationId: string; channelId: string } }
  | { id: string; name: "papo/notification.late_failure"; data: { organizationId: string; channelId: string; waMessageId: string } };

const STATUSES = ["sent", "delivered", "read", "played", "failed"] as const;
export type MessageStatusName = (typeof STATUSES)[number];
export const isStatusName = (s: string): s is MessageStatusName => (STATUSES as readonly string[]).includes(s);

/**
 * The follow-up events, each with an id derived from what it is about (the executor stores an event id once), so
 * every attempt of a webhook — and a redelivery — can emit them again without starting anything twice.
 */
export const followUp = {
  /** A customer message stored for the first time: the flow engine's trigger. */
  received: (organizationId: string, m: { channelId: string; messageId: string; conversationId: string; contactId: string }): FollowUpEvent => ({
    id: `message-received-${m.messageId}`,
    name: "papo/message.received",
    data: { organizationId, ...m },
  }),
  /** Media is downloaded by its own function: its retries never hold this customer's webhook queue. */
  media: (organizationId: string, messageId: string): FollowUpEvent => ({ id: `media-${messageId}`, name: "papo/media.received", data: { organizationId, messageId } }),
  /** send-message waits for this after an ambiguous send (lib/whatsapp/graph/SENDING.md). */
  status: (organizationId: string, a: { messageId: string; waMessageId: string; status: MessageStatusName }): FollowUpEvent => ({
    id: `message-status-${a.waMessageId}-${a.status}`,
    name: "papo/message.status",
    data: { organizationId, ...a },
  }),
  /** The template webhook carries no components: fetch the definitions (sync-templates), once per row and channel. */
  templatesSync: (organizationId: string, webhookEventId: string, channelId: string): FollowUpEvent => ({
    id: `templates-sync-${webhookEventId}-${channelId}`,
    name: "papo/templates.sync",
    data: { organizationId, channelId },
  }),
  /** A failure an SMS may get around (lib/notifications/late-sms-fallback.ts decides): once per failed wamid. */
  lateFailure: (organizationId: string, a: { channelId: string; waMessageId: string }): FollowUpEvent => ({
    id: `late-failure-${a.channelId}-${a.waMessageId}`,
    name: "papo/notification.late_failure",
    data: { organizationId, ...a },
  }),
};
