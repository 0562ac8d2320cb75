import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents } from "@/db/schema";

/**
 * Marks a webhook row whose processing run failed for good (every retry spent: the database refused, a bug threw)
 * as `failed` with the reason, so no row stays `received` after its run ended: the webhook log shows it and it can
 * be re-applied once the cause is fixed (reapplyWebhookEvent). Only a row still `received` is touched: items
 * already recorded stay as they are, and a row the run did mark keeps its own outcome.
 */
export async function markWebhookRunFailed(db: Db, webhookEventId: string, reason: string): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ status: "failed", error: `processing failed for good: ${reason}`.slice(0, 4000), processedAt: new Date() })
    .where(and(eq(webhookEvents.id, webhookEventId), eq(webhookEvents.status, "received")));
}
