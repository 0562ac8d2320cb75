import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations, users } from "./organizations";
import { channels } from "./channels";
import { contacts } from "./contacts";
import { conversations } from "./conversations";

export const flowStatusEnum = pgEnum("flow_status", ["draft", "active", "inactive"]);

/**
 * A chatbot. The graph lives in flow_versions: version 0 is the editable draft, versions 1, 2, 3 … are immutable
 * published snapshots (never updated; lib/flows enforces it). `trigger` mirrors the start node's settings so
 * inbound routing can find candidate flows with one indexed query.
 */
export const flows = pgTable(
  "flows",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: flowStatusEnum("status").notNull().default("draft"),
    trigger: jsonb("trigger").$type<Record<string, unknown>>().notNull().default({}),
    /** Expiry, closing message, restart keyword: see lib/flows (settings schema). */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    publishedVersionId: uuid("published_version_id"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index("flows_org_idx").on(t.organizationId)],
);

export const flowVersions = pgTable(
  "flow_versions",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    /** 0 = the draft; 1, 2, 3 … = published snapshots. */
    version: integer("version").notNull(),
    graph: jsonb("graph").$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedById: uuid("published_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("flow_versions_flow_version_key").on(t.flowId, t.version), index("flow_versions_org_idx").on(t.organizationId)],
);

export const flowSessionStatusEnum = pgEnum("flow_session_status", ["active", "waiting", "completed", "expired", "failed"]);

/** One bot conversation: the frozen version it runs, where it stands and what it has learned. */
export const flowSessions = pgTable(
  "flow_sessions",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id").notNull().references(() => flowVersions.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    status: flowSessionStatusEnum("status").notNull().default("active"),
    currentNodeId: text("current_node_id"),
    /** The engine's state (variables, retry counters, …), shaped by `stateVersion` so it can be migrated. */
    state: jsonb("state").$type<Record<string, unknown>>().notNull().default({}),
    stateVersion: integer("state_version").notNull().default(1),
    /** A test session started from the editor's test panel runs the draft (version 0). */
    isTest: boolean("is_test").notNull().default(false),
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // At most one live session per conversation: a second start loses the race on this index.
    uniqueIndex("flow_sessions_live_conversation_key").on(t.conversationId).where(sql`status in ('active', 'waiting')`),
    index("flow_sessions_org_flow_idx").on(t.organizationId, t.flowId),
    index("flow_sessions_expiry_idx").on(t.expiresAt).where(sql`status in ('active', 'waiting')`),
    // A conversation's sessions, ended ones included: the runtime checks them for a message already applied.
    index("flow_sessions_conversation_idx").on(t.conversationId, t.updatedAt),
  ],
);

/** Per-node counters from real (non-test) sessions, per published version. */
export const flowNodeStats = pgTable(
  "flow_node_stats",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").notNull().references(() => flows.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id").notNull().references(() => flowVersions.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    entered: integer("entered").notNull().default(0),
    completed: integer("completed").notNull().default(0),
    dropped: integer("dropped").notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.flowVersionId, t.nodeId] }), index("flow_node_stats_flow_idx").on(t.flowId)],
);

/** Organization-wide values flows can read as {{globals.name}}. */
export const flowGlobals = pgTable(
  "flow_globals",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: text("value").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.name] })],
);

export type Flow = typeof flows.$inferSelect;
export type FlowVersion = typeof flowVersions.$inferSelect;
export type FlowSession = typeof flowSessions.$inferSelect;
export type FlowNodeStat = typeof flowNodeStats.$inferSelect;
