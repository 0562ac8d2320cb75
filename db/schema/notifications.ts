import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { messages } from "./conversations";

/** A batch of notifications (`POST …/notifications/batch`): accepted at once, each item handled by a durable run. */
export const notificationBatches = pgTable("notification_batches", {
  id: id(),
  organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
  total: integer("total").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One recipient of a batch: its request as sent, then its result (accepted with the message id, or refused with why). */
export const notificationBatchItems = pgTable(
  "notification_batch_items",
  {
    batchId: uuid("batch_id").notNull().references(() => notificationBatches.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    /** pending → accepted | refused */
    status: text("status").notNull().default("pending"),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    error: jsonb("error").$type<{ code: string; message: string }>(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.index] }), index("notification_batch_items_org_idx").on(t.organizationId, t.batchId)],
);

/**
 * The organization's SMS gateway, as an HTTP request template: `{to}`, `{message}`, `{secret}` and `{id}` are filled
 * in the URL, header values and body. The secret is sealed (lib/crypto) and never read back through the API.
 */
export const smsGateways = pgTable("sms_gateways", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  method: text("method").notNull().default("POST"),
  urlTemplate: text("url_template").notNull(),
  headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
  bodyTemplate: text("body_template"),
  secretEncrypted: text("secret_encrypted"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type NotificationBatchItem = typeof notificationBatchItems.$inferSelect;
export type SmsGateway = typeof smsGateways.$inferSelect;
