import { NonRetriableError } from "inngest";
import { getDb } from "@/db";
import { eventsOfThisPass, ingestWebhookEvent } from "@/lib/whatsapp/ingest/ingest-webhook-event";
import { markWebhookRunFailed } from "@/lib/whatsapp/ingest/mark-webhook-run-failed";
import { inngest, webhookReceived } from "../client";
import { runFlowTurn, type FlowTurnResult } from "./run-flow-turn";

/**
 * One run per inbound webhook, and for a customer's message everything that follows it (issue #11 item 3):
 * 1. `ingest-webhook` applies the stored row in one step (ingestWebhookEvent: parse, route to this row's
 *    organization, contacts / conversations / messages / statuses / templates, pending statuses, mark processed —
 *    every write idempotent; a retried step returns the same follow-ups).
 * 2. `follow-up-events` sends what other functions handle: papo/media.received (download), papo/message.status
 *    (sends waiting after an ambiguous failure), papo/templates.sync. Event ids are derived from what they are
 *    about, so a retry or a redelivered webhook never starts anything twice.
 * 3. For each customer message stored for the first time (papo/message.received, handled here instead of being
 *    sent), the flow turn and the bot's replies run as steps of this same run (runFlowTurn): no run-flow run, no
 *    send-message run per reply. Text in → first reply out is two steps, one SDK call with checkpointing.
 *
 * Ordering: concurrency 1 per `orderingKey` (one customer of one channel, computed at receipt:
 * lib/whatsapp/webhook-ordering-key.ts), so different customers are processed in parallel while one customer's
 * webhooks — and so the bot's answers to them — run one after the other, in arrival order. Contact and
 * conversation creation take per-identity locks, so they cannot race even across keys. Events without a key (sent
 * before keys existed) share one slot.
 */
export const processWebhookEvent = inngest.createFunction(
  {
    id: "process-webhook-event",
    triggers: [webhookReceived],
    concurrency: { limit: 1, key: "event.data.orderingKey" },
    retries: 5,
    // Every retry spent: the row must not stay `received` as if nothing had happened (issue #10 §1).
    onFailure: async ({ event, error }) => {
      const { webhookEventId } = event.data.event.data as { webhookEventId: string };
      await markWebhookRunFailed(getDb(), webhookEventId, error.message);
    },
  },
  async ({ event, step, attempt }) => {
    const { webhookEventId } = event.data;
    const outcome = await step.run("ingest-webhook", () => ingestWebhookEvent(getDb(), webhookEventId));
    if (!outcome) throw new NonRetriableError(`Webhook event ${webhookEventId} does not exist`);
    // Only this pass's messages: a re-applied row returns its earlier passes' events too, already answered.
    const received = eventsOfThisPass(outcome).filter((e) => e.name === "papo/message.received");
    const others = outcome.events.filter((e) => e.name !== "papo/message.received");
    if (others.length) await step.sendEvent("follow-up-events", others);
    if (!received.length) return { webhookEventId, status: outcome.status };
    const flows: ({ messageId: string } & FlowTurnResult)[] = [];
    for (const e of received) {
      const data = e.data as { organizationId: string; channelId: string; conversationId: string; contactId: string; messageId: string };
      flows.push({ messageId: data.messageId, ...(await runFlowTurn(step, data, attempt)) });
    }
    return { webhookEventId, status: outcome.status, flows };
  },
);
