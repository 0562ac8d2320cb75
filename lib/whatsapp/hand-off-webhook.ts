import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents } from "@/db/schema";
import { inngest } from "@/inngest/client";

/**
 * Sends `papo/webhook.received` for stored rows. The event id is derived from the row, so a repeated send starts
 * nothing twice. If the send fails the rows are marked `failed` and the caller answers 500: Meta redelivers, a
 * new row is stored, and processing deduplicates by wamid. Returns false on failure.
 */
export async function handOffWebhook(db: Db, rows: { id: string; organizationId: string }[]): Promise<boolean> {
  if (!rows.length) return true;
  try {
    await inngest.send(
      rows.map((r) => ({
        id: `webhook-${r.id}`,
        name: "papo/webhook.received" as const,
        data: { webhookEventId: r.id, organizationId: r.organizationId },
      })),
    );
    return true;
  } catch (err) {
    console.error("[papo] whatsapp webhook stored but not handed off; answering 500 so Meta retries", err);
    await db
      .update(webhookEvents)
      .set({ status: "failed", error: `hand-off failed: ${(err as Error).message}` })
      .where(
        inArray(
          webhookEvents.id,
          rows.map((r) => r.id),
        ),
      )
      .catch(() => {});
    return false;
  }
}
