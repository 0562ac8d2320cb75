import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";

/** The stages an organization moves its contacts through (defaults lead, customer, inactive; see lib/contacts). */
export const lifecycleStages = pgTable(
  "lifecycle_stages",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    /** Stable identifier used by the API and filters; the name is what people read. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    color: text("color").notNull().default("gray"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("lifecycle_stages_org_key_key").on(t.organizationId, t.key).where(sql`deleted_at is null`),
    index("lifecycle_stages_org_idx").on(t.organizationId, t.position),
  ],
);

export type LifecycleStage = typeof lifecycleStages.$inferSelect;
