import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { departments, organizations, users } from "./organizations";
import { channels } from "./channels";
import { contacts } from "./contacts";

export const conversationStatusEnum = pgEnum("conversation_status", ["open", "pending", "closed"]);
export const conversationOwnerEnum = pgEnum("conversation_owner", ["bot", "human", "none"]);
export const priorityEnum = pgEnum("conversation_priority", ["low", "normal", "high", "urgent"]);

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    status: conversationStatusEnum("status").notNull().default("open"),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    priority: priorityEnum("priority").notNull().default("normal"),
    owner: conversationOwnerEnum("owner").notNull().default("none"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    /** Last inbound message + 24 h: free-form messages may be sent only before this instant. */
    windowExpiresAt: timestamp("window_expires_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Inbound messages since an agent last opened the conversation (shared inbox: one counter for the team). */
    unreadCount: integer("unread_count").notNull().default(0),
    /** A short text of the last message, so the conversation list needs no join on messages. */
    lastMessagePreview: text("last_message_preview"),
    lastMessageDirection: text("last_message_direction"),
    agentLastSeenAt: timestamp("agent_last_seen_at", { withTimezone: true }),
    /**
     * A flow editor's test conversation (the sandbox test customer): kept out of the inbox list, its counts and
     * spend unless asked for. Set on insert by a trigger from the contact's `papoTestFlowId` attribute, so every
     * path that starts a conversation (the test panel, ingest after a long close) marks it without knowing.
     */
    isTest: boolean("is_test").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("conversations_org_last_message_idx").on(t.organizationId, t.lastMessageAt),
    index("conversations_org_contact_idx").on(t.organizationId, t.contactId),
    index("conversations_org_status_activity_idx").on(t.organizationId, t.status, t.lastMessageAt, t.id),
    index("conversations_org_assignee_idx").on(t.organizationId, t.assigneeId),
    // "Mine" and any one person's list: the person's conversations in activity order, without walking the team's.
    index("conversations_org_assignee_status_activity_idx").on(t.organizationId, t.assigneeId, t.status, t.lastMessageAt, t.id),
  ],
);

export const messageDirectionEnum = pgEnum("message_direction", ["inbound", "outbound"]);
export const messageStatusEnum = pgEnum("message_status", [
  "received",
  "queued",
  "sent",
  "delivered",
  "read",
  "played",
  "failed",
]);
export const messageSenderEnum = pgEnum("message_sender", ["contact", "user", "bot", "campaign"]);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    direction: messageDirectionEnum("direction").notNull(),
    type: text("type").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    waMessageId: text("wa_message_id"),
    status: messageStatusEnum("status").notNull(),
    /** The last status name Meta sent that Papo does not know (`deleted`, `warning`…), as it came; `status` keeps the known ones. */
    rawStatus: text("raw_status"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    playedAt: timestamp("played_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    errorCode: integer("error_code"),
    errorTitle: text("error_title"),
    errorDetails: text("error_details"),
    sender: messageSenderEnum("sender").notNull(),
    senderUserId: uuid("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    pricing: jsonb("pricing").$type<Record<string, unknown>>(),
    /** Caller-chosen key for outbound messages (composer attempt, flow session step, campaign recipient). */
    idempotencyKey: text("idempotency_key"),
    /**
     * Set when a send failed ambiguously (Meta may have taken it): until the row has a wamid or fails, the
     * conversation's later sends wait (lib/whatsapp/graph/SENDING.md, "Order after an ambiguous failure").
     */
    sendDoubtSince: timestamp("send_doubt_since", { withTimezone: true }),
    /** How the message went: `whatsapp`, or `sms` (the notifications API's SMS fallback, or `POST …/sms`). Null: WhatsApp, before this column. */
    deliveryPath: text("delivery_path"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The idempotency key for webhooks: Meta retries and duplicates deliveries, a message is stored once.
    uniqueIndex("messages_channel_wa_message_id_key").on(t.channelId, t.waMessageId),
    index("messages_conversation_created_idx").on(t.conversationId, t.createdAt),
    index("messages_org_idx").on(t.organizationId),
    uniqueIndex("messages_org_idempotency_key").on(t.organizationId, t.idempotencyKey).where(sql`idempotency_key is not null`),
  ],
);

/**
 * The per-channel send rate shared by every process: one row per business number holding the theoretical arrival
 * time of its next free send slot (GCRA, the "virtual scheduling" form of a token bucket). Taking a slot is one
 * upsert (lib/messages/take-send-slot.ts).
 */
export const sendRateLimits = pgTable("send_rate_limits", {
  channelId: uuid("channel_id")
    .primaryKey()
    .references(() => channels.id, { onDelete: "cascade" }),
  tat: timestamp("tat", { withTimezone: true }).notNull(),
});

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
