/** The envelope of every persisted inbox event, as sent on the socket (`inbox`) and by the catch-up. */
export type InboxEventType =
  | "message.created"
  | "message.updated"
  | "conversation.created"
  | "conversation.updated"
  | "timeline.event.created"
  /** A number's connection changed (Evolution: state, QR code, a drop alert); conversationId is null. */
  | "channel.updated";

export type InboxEvent = {
  seq: number;
  type: InboxEventType;
  organizationId: string;
  conversationId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
};
