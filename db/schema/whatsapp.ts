import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { channels } from "./channels";

/**
 * A status webhook whose message row does not exist yet (Meta may report `sent` before we stored the wamid, or the
 * outbound insert may still be in flight). Applied and deleted as soon as the row appears
 * (lib/whatsapp/ingest/apply-pending-statuses.ts). One row per (channel, wamid, status): duplicates collapse.
 */
export const pendingStatuses = pgTable(
  "pending_statuses",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    waMessageId: text("wa_message_id").notNull(),
    status: text("status").notNull(),
    /** The status object exactly as Meta sent it (timestamp, errors, pricing…). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("pending_statuses_channel_wamid_status_key").on(t.channelId, t.waMessageId, t.status)],
);

/**
 * Message templates as Meta reports them. Meta's enumerations (status, category, quality) are kept as text: Meta
 * adds values, and an unknown value must not fail a webhook.
 */
export const templates = pgTable(
  "templates",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    wabaId: text("waba_id").notNull(),
    metaTemplateId: text("meta_template_id"),
    name: text("name").notNull(),
    language: text("language").notNull(),
    category: text("category"),
    status: text("status").notNull().default("PENDING"),
    quality: text("quality"),
    components: jsonb("components").$type<unknown[]>().notNull().default([]),
    rejectionReason: text("rejection_reason"),
    /** The category asked for when Papo submitted it; Meta may settle on another (shown as "changed by Meta"). */
    requestedCategory: text("requested_category"),
    /**
     * Meta's last `template_category_update` for it: the category it moved from and to (applied: `category` is `to`
     * then), or, with `impending`, the category Meta announced it will move the template to.
     */
    categoryChange: jsonb("category_change").$type<{ from: string | null; to: string; at: string; impending?: boolean }>(),
    /** entry.time of the last category webhook applied (an older one arriving late is ignored). */
    categoryEventTime: bigint("category_event_time", { mode: "number" }),
    /** entry.time of the last status/quality webhook applied (unix seconds): an older one arriving late is ignored. */
    statusEventTime: bigint("status_event_time", { mode: "number" }),
    qualityEventTime: bigint("quality_event_time", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("templates_org_waba_name_language_key").on(t.organizationId, t.wabaId, t.name, t.language),
    index("templates_meta_template_id_idx").on(t.metaTemplateId),
  ],
);

export type PendingStatus = typeof pendingStatuses.$inferSelect;
export type Template = typeof templates.$inferSelect;
