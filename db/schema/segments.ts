import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations, users } from "./organizations";

/**
 * A saved contact filter (lib/contacts/contact-filter.ts validates `filter` on every write and read), counted live
 * and used later as a campaign audience.
 */
export const segments = pgTable(
  "segments",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    filter: jsonb("filter").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("segments_org_name_key").on(t.organizationId, t.name).where(sql`deleted_at is null`),
    index("segments_org_idx").on(t.organizationId, t.createdAt),
  ],
);

export type Segment = typeof segments.$inferSelect;
