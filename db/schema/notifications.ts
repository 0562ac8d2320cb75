import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { messages } from "./conversations";

/**
 * One `Idempotency-Key` of the notifications API (lib/notifications/README.md): the first request with a key claims
 * the row (unique per organization), and its answer is stored here so a retry gets the same answer and sends
 * nothing. `response` is null while the first request is still running. Keys live 24 hours.
 */
export const notificationRequests = pgTable(
  "notification_requests",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    /** sha256 of the request body: the same key with another body is refused, not answered with the first one's result. */
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    response: jsonb("response").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notification_requests_org_key").on(t.organizationId, t.idempotencyKey)],
);

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

export type NotificationRequest = typeof notificationRequests.$inferSelect;
export type NotificationBatchItem = typeof notificationBatchItems.$inferSelect;
export type SmsGateway = typeof smsGateways.$inferSelect;
