import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, id } from "./columns";
import { organizations } from "./organizations";
import { channels } from "./channels";

export const webhookEventStatusEnum = pgEnum("webhook_event_status", [
  "received",
  "processed",
  "rejected",
  "unrouted",
  "failed",
]);

/** Every webhook POST exactly as it arrived: the raw bytes are what Meta signed, so they are what we keep. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    provider: text("provider").notNull().default("whatsapp"),
    rawBody: bytea("raw_body").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    signatureValid: boolean("signature_valid").notNull(),
    status: webhookEventStatusEnum("status").notNull().default("received"),
    error: text("error"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [index("webhook_events_org_received_idx").on(t.organizationId, t.receivedAt), index("webhook_events_status_idx").on(t.status)],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
