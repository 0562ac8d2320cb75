import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, updatedAt } from "./columns";
import { apiKeys, organizations, users } from "./organizations";
import { contacts, optInEnum } from "./contacts";

export const consentSourceEnum = pgEnum("contact_consent_source", ["keyword", "meta_preference", "import", "agent", "api"]);
export type ConsentSource = (typeof consentSourceEnum.enumValues)[number];

/**
 * The history of a contact's consent per purpose. `contacts.opt_in` stays the CURRENT marketing state (what
 * sendRefusal reads); each change appends a row here with where it came from and the evidence.
 */
export const contactConsentEvents = pgTable(
  "contact_consent_events",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull().default("marketing"),
    state: optInEnum("state").notNull(),
    source: consentSourceEnum("source").notNull(),
    /** What proves it: the keyword message id and text, Meta's preference item, the agent's note, the import row. */
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    /** Deduplicates a redelivered webhook or keyword message (e.g. `keyword:<wamid>`). */
    dedupKey: text("dedup_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("contact_consent_events_contact_idx").on(t.organizationId, t.contactId, t.createdAt),
    uniqueIndex("contact_consent_events_dedup_key").on(t.organizationId, t.dedupKey).where(sql`dedup_key is not null`),
  ],
);

/**
 * Per-organization consent settings. A missing row means the defaults in lib/contacts (EN STOP, UNSUBSCRIBE /
 * PT SAIR, PARAR, CANCELAR, DESCADASTRAR; START / VOLTAR) — so no seeding is needed.
 */
export const contactConsentSettings = pgTable("contact_consent_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  optOutKeywords: jsonb("opt_out_keywords").$type<string[]>(),
  optInKeywords: jsonb("opt_in_keywords").$type<string[]>(),
  optOutConfirmation: text("opt_out_confirmation"),
  optInConfirmation: text("opt_in_confirmation"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type ContactConsentEvent = typeof contactConsentEvents.$inferSelect;
export type ContactConsentSettings = typeof contactConsentSettings.$inferSelect;
