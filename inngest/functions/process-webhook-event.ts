import { NonRetriableError } from "inngest";
import { getDb } from "@/db";
import { ingestWebhookEvent } from "@/lib/whatsapp/ingest/ingest-webhook-event";
import { inngest, webhookReceived } from "../client";

/**
 * Applies a stored WhatsApp webhook in one step (ingestWebhookEvent: parse, route to this row's organization,
 * contacts / conversations / messages / statuses / templates, pending statuses, mark processed — every write
 * idempotent, so a retried step repeats nothing), then sends what follows in one more: papo/message.received for
 * each customer message stored for the first time (the flow engine's trigger), papo/media.received for media to
 * download, papo/message.status for statuses that adopted an outbound row, papo/templates.sync. Event ids are
 * derived from what they are about, so a retry or a redelivered webhook never starts anything twice.
 * Two steps rather than one per change: each step is a round trip through the executor, and this function runs
 * for every webhook Meta sends.
 *
 * Ordering: concurrency 1 per `orderingKey` (one customer of one channel, computed at receipt:
 * lib/whatsapp/webhook-ordering-key.ts), so different customers are processed in parallel while one customer's
 * webhooks run one after the other, in arrival order. Contact and conversation creation take per-identity locks,
 * so they cannot race even across keys. Meta itself guarantees no order: messages are keyed by wamid, ordered by
 * the customer's send time, and statuses only move forward. Events without a key (sent before keys existed) share
 * one slot.
 */
export const processWebhookEvent = inngest.createFunction(
  {
    id: "process-webhook-event",
    triggers: [webhookReceived],
    concurrency: { limit: 1, key: "event.data.orderingKey" },
  },
  async ({ event, step }) => {
    const { webhookEventId } = event.data;
    const outcome = await step.run("ingest-webhook", () => ingestWebhookEvent(getDb(), webhookEventId));
    if (!outcome) throw new NonRetriableError(`Webhook event ${webhookEventId} does not exist`);
    if (outcome.events.length) await step.sendEvent("follow-up-events", outcome.events);
    return { webhookEventId, status: outcome.status };
  },
);
