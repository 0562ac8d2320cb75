import type { ConversationEvent, Message } from "@/db/schema";

/** A message in the timeline; also the payload of `message.*` realtime events. */
export type MessageItem = {
  kind: "message";
  id: string;
  conversationId: string;
  createdAt: string;
  direction: "inbound" | "outbound";
  type: string;
  content: Record<string, unknown>;
  status: Message["status"];
  waMessageId: string | null;
  sender: Message["sender"];
  senderUserId: string | null;
  senderName: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  retryOf: string | null;
};

/** A note, assignment, status change, handoff… in the timeline; also the payload of `timeline.event.created`. */
export type EventItem = {
  kind: "event";
  id: string;
  conversationId: string;
  createdAt: string;
  type: ConversationEvent["kind"];
  actorUserId: string | null;
  actorName: string | null;
  body: string | null;
  data: Record<string, unknown>;
};

export type TimelineItem = MessageItem | EventItem;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toMessageItem(m: Message, senderName: string | null): MessageItem {
  const retryOf = m.content?.retryOf;
  return {
    kind: "message",
    id: m.id,
    conversationId: m.conversationId,
    createdAt: m.createdAt.toISOString(),
    direction: m.direction,
    type: m.type,
    content: m.content,
    status: m.status,
    waMessageId: m.waMessageId,
    sender: m.sender,
    senderUserId: m.senderUserId,
    senderName,
    errorCode: m.errorCode,
    errorTitle: m.errorTitle,
    errorDetails: m.errorDetails,
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    failedAt: iso(m.failedAt),
    retryOf: typeof retryOf === "string" ? retryOf : null,
  };
}

export function toEventItem(e: ConversationEvent, actorName: string | null): EventItem {
  return {
    kind: "event",
    id: e.id,
    conversationId: e.conversationId,
    createdAt: e.createdAt.toISOString(),
    type: e.kind,
    actorUserId: e.actorUserId,
    actorName,
    body: e.body,
    data: e.data,
  };
}
