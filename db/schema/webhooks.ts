import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, id } from "./columns";
import { organizations } from "./organizations";
import { channels } from "./channels";

export const webhookEventStatusEnum = pgEnum("webhook_event_status", [
  "received",
  "processed",
  "rejected",
  "unrouted",
  "failed",
  /** Processed, but some items failed (each with its reason in `items`): re-apply them after a fix. */
  "partial",
]);

/**
 * What became of one item of a webhook (a message, a status, a template change…), recorded on its row. An applied
 * item is recorded in the same transaction as its writes, with the follow-up events it calls for: a retried run
 * skips it and sends the same events again (same ids), whatever crashed when (lib/whatsapp/WEBHOOKS.md).
 */
export type WebhookItemOutcome = {
  /** Where the item sits in the body, e.g. `entry[0].changes[1].value.statuses[2]`: unique within the row. */
  path: string;
  kind: "message" | "status" | "change";
  /** The item's wamid / template name (shortened when absurdly long). */
  ref?: string;
  outcome: "applied" | "duplicate" | "pending" | "skipped" | "failed";
  reason?: string;
  /** What was clamped or replaced to store it (the exact original stays in `raw_body`). */
  notes?: string[];
  /** Follow-up events this item calls for (FollowUpEvent of ingest-webhook-event.ts), re-sent by every attempt. */
  events?: { id: string; name: string; data: Record<string, unknown> }[];
  /**
   * The row's re-apply count when the item was applied (0: the first pass). A re-applied row returns the events of
   * every applied item again; process-webhook-event hands only this pass's messages to the flow runtime, so a
   * re-apply never answers a customer twice. Missing until the row is marked: the current pass.
   */
  pass?: number;
};

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
    /** Per-item outcomes (WebhookItemOutcome): what was applied, skipped or failed, and why. */
    items: jsonb("items").$type<WebhookItemOutcome[]>().notNull().default([]),
    /** How many times a person asked to re-apply its failed items (the re-apply event's id carries it). */
    reapplyCount: integer("reapply_count").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [index("webhook_events_org_received_idx").on(t.organizationId, t.receivedAt), index("webhook_events_status_idx").on(t.status)],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
