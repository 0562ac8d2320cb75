import { boolean, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const customFieldTypeEnum = pgEnum("contact_custom_field_type", ["text", "number", "date", "boolean", "choice"]);
export type CustomFieldType = (typeof customFieldTypeEnum.enumValues)[number];

/**
 * A field an organization adds to its contacts. Values live in `contacts.attributes[key]`, validated by the zod
 * schema lib/contacts builds from these definitions (dates as YYYY-MM-DD strings, choices as one of `options`).
 */
export const contactCustomFields = pgTable(
  "contact_custom_fields",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: customFieldTypeEnum("type").notNull(),
    options: jsonb("options").$type<string[]>().notNull().default([]),
    required: boolean("required").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex("contact_custom_fields_org_key_key").on(t.organizationId, t.key).where(sql`deleted_at is null`)],
);

export type ContactCustomField = typeof contactCustomFields.$inferSelect;
