import { and, eq, inArray } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { applyPendingStatuses } from "@/lib/whatsapp/ingest/apply-pending-statuses";
import { ingestChange } from "@/lib/whatsapp/ingest/ingest-change";
import { loadWebhookEnvelope } from "@/lib/whatsapp/load-webhook-envelope";
import { planWebhookEvent } from "@/lib/whatsapp/plan-webhook-event";
import { inngest, webhookReceived } from "../client";

/**
 * Applies a stored WhatsApp webhook: plan (load + route to this row's organization) → one step per change
 * (messages, statuses, template updates; each idempotent, so a retried step repeats nothing) → pending statuses
 * whose message now exists → mark processed. Inserted media messages are handed to download-inbound-media
 * (papo/media.received, one event per message, event id = message id).
 *
 * Ordering: concurrency 1 keyed by organization. A conversation lives inside one organization, so no two steps
 * that could touch the same contact or conversation ever run at once (the find-or-create of contacts and
 * conversations needs exactly that), and runs start in arrival order. Per organization rather than per channel
 * because one shared-endpoint row may span several channels of an organization. Meta itself guarantees no
 * order, so correctness never depends on it: messages are keyed by wamid and statuses only move forward.
 */
export const processWebhookEvent = inngest.createFunction(
  {
    id: "process-webhook-event",
    triggers: [webhookReceived],
    concurrency: { limit: 1, key: "event.data.organizationId" },
  },
  async ({ event, step }) => {
    const { webhookEventId } = event.data;
    const row = await step.run("load-webhook-event", () => planWebhookEvent(getDb(), webhookEventId));
    if (!row) throw new NonRetriableError(`Webhook event ${webhookEventId} does not exist`);
    if (row.status === "processed") return { webhookEventId, status: "already-processed" };
    if (row.status === "rejected" || row.status === "unrouted") return { webhookEventId, status: `skipped-${row.status}` };
    if (row.error) {
      await step.run("mark-rejected", () => markDone(webhookEventId, "rejected", row.error ?? null));
      return { webhookEventId, status: "rejected" };
    }
    const changes = row.changes ?? [];
    const skipped: string[] = [];
    for (const change of changes) {
      const summary = await step.run(`change-${change.entryIndex}-${change.changeIndex}`, async () => {
        const envelope = await loadWebhookEnvelope(getDb(), webhookEventId);
        return ingestChange(getDb(), envelope, change);
      });
      skipped.push(...summary.skipped);
      if (summary.media?.length) {
        // Media is downloaded by its own function: its retries never hold this organization's webhook queue.
        await step.sendEvent(
          `media-events-${change.entryIndex}-${change.changeIndex}`,
          summary.media.map((messageId) => ({
            id: `media-${messageId}`,
            name: "papo/media.received" as const,
            data: { organizationId: change.organizationId, messageId },
          })),
        );
      }
      const events = (summary.adopted ?? []).flatMap((a) => (isStatus(a.status) ? [{ ...a, status: a.status }] : []));
      if (events.length) {
        // send-message waits for this after an ambiguous send (lib/whatsapp/graph/SENDING.md).
        await step.sendEvent(
          `status-events-${change.entryIndex}-${change.changeIndex}`,
          events.map((a) => ({
            id: `message-status-${a.waMessageId}-${a.status}`,
            name: "papo/message.status" as const,
            data: { organizationId: change.organizationId, ...a },
          })),
        );
      }
      if (summary.syncTemplates && change.channelId) {
        // The template webhook carries no components: fetch the definitions (sync-templates). The event id makes a
        // retried step or a redelivered webhook row ask once.
        await step.sendEvent(`templates-sync-${change.entryIndex}-${change.changeIndex}`, {
          id: `templates-sync-${webhookEventId}-${change.channelId}`,
          name: "papo/templates.sync" as const,
          data: { organizationId: change.organizationId, channelId: change.channelId },
        });
      }
    }
    const channelIds = [...new Set(changes.flatMap((c) => (c.field === "messages" && c.channelId ? [c.channelId] : [])))];
    if (channelIds.length) {
      await step.run("apply-pending-statuses", async () => {
        for (const channelId of channelIds) await applyPendingStatuses(getDb(), { channelId });
      });
    }
    await step.run("mark-processed", () => markDone(webhookEventId, "processed", skipped.length ? skipped.join("\n").slice(0, 4000) : null));
    return { webhookEventId, status: "processed" };
  },
);

const STATUSES = ["sent", "delivered", "read", "played", "failed"] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);

async function markDone(id: string, status: "processed" | "rejected", error: string | null) {
  await getDb()
    .update(webhookEvents)
    .set({ status, error, processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ["received", "failed"])));
}
