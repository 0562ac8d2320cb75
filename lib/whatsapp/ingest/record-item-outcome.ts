import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { webhookEvents, type WebhookItemOutcome } from "@/db/schema";

/**
 * Appends one item's outcome to its webhook row, inside the transaction that applied the item: the writes and the
 * record of them (with the follow-up events they call for) commit together, so a retried run knows the item is done
 * and which events to send again.
 */
export async function recordItemOutcome(tx: Tx, webhookEventId: string, item: WebhookItemOutcome): Promise<void> {
  await tx
    .update(webhookEvents)
    .set({ items: sql`${webhookEvents.items} || ${JSON.stringify([item])}::jsonb` })
    .where(eq(webhookEvents.id, webhookEventId));
}
