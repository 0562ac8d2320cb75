import { boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { channels } from "./channels";
import { lifecycleStages } from "./lifecycle-stages";

export const optInEnum = pgEnum("contact_opt_in", ["unknown", "opted_in", "opted_out"]);

/**
 * A WhatsApp user as seen by one business number. Since 2026 a user may arrive with only a business-scoped user id
 * (username users), so both identities are nullable and each is unique per organization + channel.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    waId: text("wa_id"),
    userId: text("bsuid"),
    phoneE164: text("phone_e164"),
    profileName: text("profile_name"),
    /** The name agents gave the contact; shown before the WhatsApp profile name. */
    name: text("name"),
    email: text("email"),
    /** Custom field values keyed by `contact_custom_fields.key` (validated in lib/contacts), plus free attributes. */
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    optIn: optInEnum("opt_in").notNull().default("unknown"),
    blocked: boolean("blocked").notNull().default(false),
    botEnabled: boolean("bot_enabled").notNull().default(true),
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }),
    /**
     * Contacts of DIFFERENT channels an operator merged as one person share this id (the first target's id): each
     * stays the live contact of its business number — its conversations can only be answered from that number — and
     * the detail page's timeline shows the whole person. Null for a contact never merged across channels.
     */
    personId: uuid("person_id"),
    lifecycleStageId: uuid("lifecycle_stage_id").references(() => lifecycleStages.id, { onDelete: "set null" }),
    /**
     * Set by a data-subject erasure: personal data and message contents are gone, the row and counts stay. The
     * identity is kept only as `erased_identity_hash` (SHA-256 of org + channel + wa_id/bsuid) so a later message
     * from the same person is recognised as a returning erased contact instead of silently resurrecting the old one.
     */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    erasedIdentityHash: text("erased_identity_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("contacts_org_channel_wa_id_key").on(t.organizationId, t.channelId, t.waId).where(sql`wa_id is not null`),
    uniqueIndex("contacts_org_channel_bsuid_key").on(t.organizationId, t.channelId, t.userId).where(sql`bsuid is not null`),
    index("contacts_org_phone_idx").on(t.organizationId, t.phoneE164),
    index("contacts_org_stage_idx").on(t.organizationId, t.lifecycleStageId),
    // Segment counts by consent read this index only (an index-only count), not the organization's rows.
    index("contacts_org_person_idx").on(t.organizationId, t.personId).where(sql`person_id is not null`),
    index("contacts_org_opt_in_idx").on(t.organizationId, t.optIn).where(sql`deleted_at is null`),
    index("contacts_org_erased_hash_idx").on(t.organizationId, t.erasedIdentityHash).where(sql`erased_identity_hash is not null`),
  ],
);

export const tags = pgTable(
  "tags",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("gray"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex("tags_org_name_key").on(t.organizationId, t.name).where(sql`deleted_at is null`)],
);

export const contactTags = pgTable(
  "contact_tags",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] })],
);

export type Contact = typeof contacts.$inferSelect;
export type Tag = typeof tags.$inferSelect;
