import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations, users } from "./organizations";
import { conversations } from "./conversations";
import { tags } from "./contacts";

export const conversationTags = pgTable(
  "conversation_tags",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.tagId] }), index("conversation_tags_tag_idx").on(t.tagId)],
);

/**
 * The conversation timeline's non-message entries: internal notes (never sent to the customer), assignments,
 * transfers, status changes, bot handoffs. Notes live here and not in `messages` so no send path can ever see them.
 */
export const conversationEventKindEnum = pgEnum("conversation_event_kind", [
  "note",
  "assigned",
  "transferred",
  "status_changed",
  "priority_changed",
  "tagged",
  "untagged",
  "bot_changed",
  "handoff",
  /** An appointment was created, confirmed, rescheduled or cancelled (lib/appointments). */
  "appointment",
]);

export const conversationEvents = pgTable(
  "conversation_events",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    kind: conversationEventKindEnum("kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("conversation_events_conversation_idx").on(t.conversationId, t.createdAt)],
);

export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    shortcut: text("shortcut").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex("canned_replies_org_shortcut_key").on(t.organizationId, t.shortcut).where(sql`deleted_at is null`)],
);

export const presenceEnum = pgEnum("agent_presence_status", ["online", "away", "offline"]);

/** An agent's presence in one organization, kept by the realtime layer (heartbeats) and the status picker. */
export const agentPresence = pgTable(
  "agent_presence",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** What the agent chose; "online" counts only while a socket has been seen recently (lastSeenAt). */
    status: presenceEnum("status").notNull().default("online"),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Round robin: when this agent was last given a conversation automatically. */
    lastAutoAssignedAt: timestamp("last_auto_assigned_at", { withTimezone: true }),
    openAssigned: integer("open_assigned").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] })],
);

/**
 * Availability history (analytics): one row per stretch an agent was effectively online, from the first heartbeat
 * to the last one that kept it alive. agent_presence holds only the current state, so time online could not be
 * summed from it.
 */
export const agentAvailability = pgTable(
  "agent_availability",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("agent_availability_org_user_idx").on(t.organizationId, t.userId, t.lastSeenAt)],
);

/** Realtime catch-up: every pushed inbox event, so a client that reconnects can ask for what it missed. */
export const realtimeEvents = pgTable(
  "realtime_events",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    conversationId: uuid("conversation_id"),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("realtime_events_org_seq_idx").on(t.organizationId, t.seq)],
);

/** The organization's inbox rules (lib/inbox/inbox-settings.ts). No row: the defaults. */
export const inboxSettings = pgTable("inbox_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** A person replying to an unassigned conversation takes it (on by default). */
  replyAssigns: boolean("reply_assigns").notNull().default(true),
  updatedAt: updatedAt(),
});

export type ConversationEvent = typeof conversationEvents.$inferSelect;
export type InboxSettingsRow = typeof inboxSettings.$inferSelect;
export type CannedReply = typeof cannedReplies.$inferSelect;
export type AgentPresence = typeof agentPresence.$inferSelect;
