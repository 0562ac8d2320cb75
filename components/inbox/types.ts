/**
 * What the inbox reads from the API and the socket (lib/inbox/README.md is the contract). Declared here rather than
 * imported from lib so the browser bundle never pulls server modules in.
 */
export type MessageStatus = "received" | "queued" | "sent" | "delivered" | "read" | "played" | "failed";
export type ConversationStatus = "open" | "pending" | "closed";
export type Priority = "low" | "normal" | "high" | "urgent";
export type Owner = "bot" | "human" | "none";
export type PresenceStatus = "online" | "away" | "offline";

export type TagView = { id: string; name: string; color: string };

export type ConversationItem = {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  owner: Owner;
  channelId: string;
  channelName: string;
  contact: { id: string; name: string | null; profileName: string | null; phoneE164: string | null; blocked: boolean };
  displayName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  tags: TagView[];
  unreadCount: number;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  lastMessageDirection: "inbound" | "outbound" | null;
  windowExpiresAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** A flow editor's test conversation (listed only with the "Show test conversations" filter). */
  isTest: boolean;
  /** In search results: the newest message or note containing the search (lib/inbox/README.md). */
  searchHit?: SearchHit;
};

export type SearchHit = { kind: "message" | "note"; id: string; text: string; createdAt: string };

export type MessageItem = {
  kind: "message";
  id: string;
  conversationId: string;
  createdAt: string;
  direction: "inbound" | "outbound";
  type: string;
  content: Record<string, unknown>;
  status: MessageStatus;
  waMessageId: string | null;
  sender: "contact" | "user" | "bot" | "campaign";
  senderUserId: string | null;
  senderName: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
  retryOf?: string | null;
  /** Client only: an optimistic entry the server has not confirmed yet (or refused: `clientError`). */
  pending?: boolean;
  clientError?: string;
  clientKey?: string;
};

export type EventType = "note" | "assigned" | "transferred" | "status_changed" | "priority_changed" | "tagged" | "untagged" | "bot_changed" | "handoff" | "appointment";

export type EventItem = {
  kind: "event";
  id: string;
  conversationId: string;
  createdAt: string;
  type: EventType;
  actorUserId: string | null;
  actorName: string | null;
  body: string | null;
  data: Record<string, unknown>;
};

export type TimelineItem = MessageItem | EventItem;
export type TimelinePage = { items: TimelineItem[]; nextCursor: string | null };
export type ConversationPage = { conversations: ConversationItem[]; nextCursor: string | null };

export type ConversationCan = { reply: boolean; assign: boolean; manage: boolean; note: boolean };
export type ContactDetail = {
  id: string;
  name: string | null;
  profileName: string | null;
  phoneE164: string | null;
  waId: string | null;
  channelId: string;
  attributes: Record<string, unknown>;
  optIn: "unknown" | "opted_in" | "opted_out";
  blocked: boolean;
  botEnabled: boolean;
  tags: TagView[];
  createdAt: string;
  lastInboundAt: string | null;
};
export type ConversationDetail = { conversation: ConversationItem & { contact: ContactDetail }; can: ConversationCan };
export type ContactResponse = {
  contact: ContactDetail;
  conversations: { id: string; status: ConversationStatus; lastMessageAt: string | null; lastMessagePreview: string | null; createdAt: string; closedAt: string | null }[];
};

export type Counts = { status: string; counts: Record<"all" | "mine" | "unassigned" | "bot", number>; unread: Record<"all" | "mine" | "unassigned" | "bot", number> };

export type AgentView = { userId: string; name: string; email: string; role: string; status: PresenceStatus; lastSeenAt: string | null };
export type DepartmentView = { id: string; name: string; autoAssign: boolean; members: { userId: string; name: string; email: string }[] };
export type CannedReply = { id: string; shortcut: string; body: string };
/** A number of the organization; `provider` decides what the composer offers (no window or templates on Evolution). */
export type ChannelOption = {
  id: string;
  name: string;
  provider?: "cloud" | "sandbox" | "evolution";
  displayPhoneNumber?: string;
  /** An Evolution number's link to WhatsApp (null for the Cloud API), kept live from `channel.updated` pushes. */
  connectionState?: "open" | "connecting" | "close" | null;
};

export type InboxEvent = {
  seq: number;
  type: "message.created" | "message.updated" | "conversation.created" | "conversation.updated" | "timeline.event.created" | "channel.updated";
  organizationId: string;
  conversationId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
};

/** GET /templates answers TemplateView (type-only import: nothing of lib reaches the bundle). */
export type TemplateOption = import("@/lib/whatsapp/templates/template-view").TemplateView;

export type Filters = {
  status: ConversationStatus | "all";
  assignee: "all" | "mine" | "unassigned";
  departmentId: string;
  channelId: string;
  tagId: string;
  owner: "" | "bot" | "human";
  q: string;
  /** Include the flow editor's test conversations. */
  test: boolean;
};
