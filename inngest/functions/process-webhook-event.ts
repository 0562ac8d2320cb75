import { eq } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { inngest, webhookReceived } from "../client";

/**
 * Marks a stored webhook as processed. The WhatsApp work builds the real parsing and routing on top of this;
 * for now it proves the path webhook → event → durable function → database.
 */
export const processWebhookEvent = inngest.createFunction(
  { id: "process-webhook-event", triggers: [webhookReceived] },
  async ({ event, step }) => {
    const { webhookEventId } = event.data;
    const row = await step.run("load-webhook-event", async () => {
      const [found] = await getDb()
        .select({ id: webhookEvents.id, status: webhookEvents.status })
        .from(webhookEvents)
        .where(eq(webhookEvents.id, webhookEventId));
      return found ?? null;
    });
    if (!row) throw new NonRetriableError(`Webhook event ${webhookEventId} does not exist`);
    if (row.status === "processed") return { webhookEventId, status: "already-processed" };
    await step.run("mark-processed", async () => {
      await getDb()
        .update(webhookEvents)
        .set({ status: "processed", processedAt: new Date() })
        .where(eq(webhookEvents.id, webhookEventId));
    });
    return { webhookEventId, status: "processed" };
  },
);
