import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents } from "@/db/schema";
import { parseEnvelope } from "../parse-envelope";
import { routeChanges } from "../route-changes";
import { applyPendingStatuses } from "./apply-pending-statuses";
import { ingestChange } from "./ingest-change";

/** An event process-webhook-event sends once the webhook is applied (ids make every one of them idempotent). */
export type FollowUpEvent =
  | { id: string; name: "papo/message.received"; data: { organizationId: string; channelId: string; conversationId: string; contactId: string; messageId: string } }
  | { id: string; name: "papo/media.received"; data: { organizationId: string; messageId: string } }
  | { id: string; name: "papo/message.status"; data: { organizationId: string; messageId: string; waMessageId: string; status: MessageStatusName } }
  | { id: string; name: "papo/templates.sync"; data: { organizationId: string; channelId: string } };

export type WebhookOutcome = {
  status: "processed" | "already-processed" | "rejected" | "skipped-rejected" | "skipped-unrouted";
  events: FollowUpEvent[];
};

const STATUSES = ["sent", "delivered", "read", "played", "failed"] as const;
type MessageStatusName = (typeof STATUSES)[number];
const isStatus = (s: string): s is MessageStatusName => (STATUSES as readonly string[]).includes(s);

/**
 * Applies one stored webhook row, whole: parse its bytes, re-route them and keep only this row's organization's
 * changes (a per-channel URL cannot write into another tenant; a shared-endpoint row handles its own share), apply
 * each change (ingestChange: every write idempotent), apply pending statuses of its channels, mark it processed.
 * Changes for a disabled channel are skipped with the reason. Returns the events to send next; null when the row
 * does not exist. Running it twice repeats nothing: a processed row is left alone, and the writes are keyed.
 */
export async function ingestWebhookEvent(db: Db, webhookEventId: string): Promise<WebhookOutcome | null> {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, webhookEventId));
  if (!row) return null;
  if (row.status === "processed") return { status: "already-processed", events: [] };
  if (row.status === "rejected" || row.status === "unrouted") return { status: `skipped-${row.status}`, events: [] };
  const orgId = row.organizationId;
  if (!orgId) {
    await markDone(db, webhookEventId, "processed", null);
    return { status: "processed", events: [] };
  }
  const parsed = parseEnvelope(row.rawBody);
  if (!parsed.ok) {
    await markDone(db, webhookEventId, "rejected", parsed.error);
    return { status: "rejected", events: [] };
  }
  const routes = (await routeChanges(db, parsed.envelope)).flatMap((r) => (r.organizationId === orgId ? [{ ...r, organizationId: orgId }] : []));
  const events: FollowUpEvent[] = [];
  const skipped: string[] = [];
  for (const change of routes) {
    if (change.disabled) {
      skipped.push(`entry ${change.entryIndex} change ${change.changeIndex}: channel disabled, not applied`);
      continue;
    }
    const summary = await ingestChange(db, parsed.envelope, change, webhookEventId);
    skipped.push(...summary.skipped);
    for (const m of summary.received ?? []) {
      events.push({ id: `message-received-${m.messageId}`, name: "papo/message.received", data: { organizationId: orgId, ...m } });
    }
    // Media is downloaded by its own function: its retries never hold this customer's webhook queue.
    for (const messageId of summary.media ?? []) {
      events.push({ id: `media-${messageId}`, name: "papo/media.received", data: { organizationId: orgId, messageId } });
    }
    // send-message waits for this after an ambiguous send (lib/whatsapp/graph/SENDING.md).
    for (const a of summary.adopted) {
      if (!isStatus(a.status)) continue;
      const data = { organizationId: orgId, messageId: a.messageId, waMessageId: a.waMessageId, status: a.status };
      events.push({ id: `message-status-${a.waMessageId}-${a.status}`, name: "papo/message.status", data });
    }
    if (summary.syncTemplates && change.channelId) {
      // The template webhook carries no components: fetch the definitions (sync-templates), once per row and channel.
      const data = { organizationId: orgId, channelId: change.channelId };
      events.push({ id: `templates-sync-${webhookEventId}-${change.channelId}`, name: "papo/templates.sync", data });
    }
  }
  const channelIds = [...new Set(routes.flatMap((c) => (c.field === "messages" && c.channelId && !c.disabled ? [c.channelId] : [])))];
  for (const channelId of channelIds) await applyPendingStatuses(db, { channelId });
  await markDone(db, webhookEventId, "processed", skipped.length ? skipped.join("\n").slice(0, 4000) : null);
  return { status: "processed", events };
}

async function markDone(db: Db, id: string, status: "processed" | "rejected", error: string | null) {
  await db
    .update(webhookEvents)
    .set({ status, error, processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ["received", "failed"])));
}
