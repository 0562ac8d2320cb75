import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { enqueueInTransaction } from "@/lib/jobs";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict, notFound } from "@/lib/errors";
import { parseEnvelope } from "./parse-envelope";
import { webhookOrderingKey } from "./webhook-ordering-key";

/**
 * Re-applies the failed items of a `partial` or `failed` webhook row, after whatever made them fail was fixed: the
 * row goes back to `received` and process-webhook-event runs it again. Items already applied are skipped (their
 * outcome is recorded on the row), so only the failed ones are retried; the run ends the row again as processed,
 * partial or failed. The event id carries the row's re-apply count: a double click conflicts (409: the row is
 * `received` again), a later re-apply starts a new run. Another organization's row is a 404.
 */
export async function reapplyWebhookEvent(ctx: OrgContext, webhookEventId: string): Promise<{ id: string; status: "received"; reapplyCount: number }> {
  if (!z.uuid().safeParse(webhookEventId).success) throw notFound("Webhook event");
  const ofOrg = and(eq(webhookEvents.id, webhookEventId), eq(webhookEvents.organizationId, ctx.org.id));
  let before: string | undefined;
  try {
    // The row's new state and its run are handed to durable work together (lib/jobs).
    const row = await enqueueInTransaction(async (tx) => {
      const [current] = await tx.select({ status: webhookEvents.status }).from(webhookEvents).where(ofOrg).for("update");
      if (!current) throw notFound("Webhook event");
      const [row] = await tx
        .update(webhookEvents)
        .set({ status: "received", processedAt: null, reapplyCount: sql`${webhookEvents.reapplyCount} + 1` })
        .where(and(ofOrg, inArray(webhookEvents.status, ["partial", "failed"])))
        .returning({ id: webhookEvents.id, channelId: webhookEvents.channelId, rawBody: webhookEvents.rawBody, reapplyCount: webhookEvents.reapplyCount });
      if (!row) throw conflict(`This webhook is ${current.status}: only partial or failed webhooks have items to re-apply`);
      before = current.status;
      const parsed = parseEnvelope(row.rawBody);
      const changes = parsed.ok ? parsed.envelope.entry.flatMap((e) => e.changes.map((c) => ({ field: c.field, value: c.value, channelId: row.channelId }))) : [];
      const event = {
        id: `webhook-${row.id}-reapply-${row.reapplyCount}`,
        name: "papo/webhook.received" as const,
        data: { webhookEventId: row.id, organizationId: ctx.org.id, orderingKey: webhookOrderingKey(ctx.org.id, changes) },
      };
      await recordAudit(tx, ctx, { action: "webhook_event.reapplied", targetType: "webhook_event", targetId: row.id, metadata: { reapplyCount: row.reapplyCount } });
      return { result: row, events: [event] };
    });
    return { id: row.id, status: "received", reapplyCount: row.reapplyCount };
  } catch (err) {
    // With Inngest Cloud the row commits before the send: if the send failed, put the row back as it was so it is not
    // left `received` with no run (ask again later). With the embedded executor the transaction rolled back already.
    if (before) await getDb().update(webhookEvents).set({ status: before as "partial" | "failed" }).where(and(ofOrg, eq(webhookEvents.status, "received")));
    throw err;
  }
}
