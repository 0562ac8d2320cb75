import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookEvents, type WebhookItemOutcome } from "@/db/schema";
import { matchSendEchoes } from "@/lib/evolution/match-send-echoes";
import { parseStoredWebhook } from "@/lib/evolution/parse-stored-webhook";
import { routeChanges } from "../route-changes";
import { applyPendingStatuses } from "./apply-pending-statuses";
import type { FollowUpEvent } from "./follow-up-event";
import { ingestChange } from "./ingest-change";

export type { FollowUpEvent } from "./follow-up-event";

export type WebhookOutcome = {
  status: "processed" | "partial" | "failed" | "already-processed" | "rejected" | "skipped-rejected" | "skipped-unrouted";
  events: FollowUpEvent[];
  /** Per-item outcomes, as recorded on the row. */
  items?: WebhookItemOutcome[];
  /** The row's re-apply count: which pass this is (see WebhookItemOutcome.pass). */
  pass?: number;
};

/** Rows in these states have been applied (wholly or partly): a new attempt re-sends their events, nothing more. */
const ENDED = ["processed", "partial", "failed"] as const;

/**
 * Applies one stored webhook row, item by item: parse its bytes, re-route them and keep only this row's
 * organization's changes (a per-channel URL cannot write into another tenant; a shared-endpoint row handles its own
 * share), apply each item (ingestChange: its own transaction, recorded on the row with the follow-up events it calls
 * for), apply pending statuses of its channels, and mark the row `processed`, `partial` (some items failed) or
 * `failed` (every item failed), each failure with its reason in `items`. Changes for a disabled channel are skipped
 * with the reason. Returns the events to send next; null when the row does not exist.
 *
 * Every attempt returns the same events for the same row: an item applied by an earlier attempt whose result was
 * lost (a crash after the commit) is skipped and its recorded events returned again — same ids, so the executor
 * starts nothing twice and the flow answers once. A re-applied row (`reapplyWebhookEvent`) retries only its failed
 * items.
 *
 * Item outcomes are written once, with the row's final mark (one UPDATE): see ingestChange for why a crash before
 * it loses nothing.
 */
export async function ingestWebhookEvent(db: Db, webhookEventId: string): Promise<WebhookOutcome | null> {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, webhookEventId));
  if (!row) return null;
  const pass = row.reapplyCount;
  if ((ENDED as readonly string[]).includes(row.status)) return { status: "already-processed", events: eventsOf(row.items), items: row.items, pass };
  if (row.status === "rejected" || row.status === "unrouted") return { status: `skipped-${row.status}`, events: [] };
  const orgId = row.organizationId;
  if (!orgId) {
    await markDone(db, webhookEventId, { status: "processed", error: null, items: [] });
    return { status: "processed", events: [] };
  }
  // Meta's bytes, or an Evolution row translated into the same shape: one ingest for every provider.
  const parsed = parseStoredWebhook(row);
  if (!parsed.ok) {
    await markDone(db, webhookEventId, { status: "rejected", error: parsed.error, items: [] });
    return { status: "rejected", events: [] };
  }
  // An Evolution send whose answer was lost is recognised by its echo before the statuses apply.
  if (row.provider === "evolution") await matchSendEchoes(db, orgId, parsed.envelope);
  const done = new Map(row.items.filter((i) => i.outcome !== "failed").map((i) => [i.path, i]));
  const routes = (await routeChanges(db, parsed.envelope)).flatMap((r) => (r.organizationId === orgId ? [{ ...r, organizationId: orgId }] : []));
  const items: WebhookItemOutcome[] = [];
  // Channels where a status was left pending: a message row committed meanwhile (its own pass missed the status,
  // not yet committed) is caught by a pass over the channel at the end. Every new inbound message sweeps its channel
  // in its own transaction (ingestInboundMessage), and the sending side applies them when it stores a wamid.
  const pendingChannels = new Set<string>();
  for (const change of routes) {
    const at = `entry[${change.entryIndex}].changes[${change.changeIndex}]`;
    if (change.disabled) {
      items.push({ path: at, kind: "change", outcome: "skipped", reason: `entry ${change.entryIndex} change ${change.changeIndex}: channel disabled, not applied` });
      continue;
    }
    const summary = await ingestChange(db, parsed.envelope, change, { webhookEventId, receivedAt: row.receivedAt, done });
    items.push(...summary.items);
    if (change.channelId && summary.items.some((i) => i.kind === "status" && i.outcome === "pending")) pendingChannels.add(change.channelId);
  }
  // An item without a pass was applied by this pass (or by an earlier attempt of it whose result was lost).
  for (const i of items) i.pass ??= pass;
  const notes: string[] = [];
  for (const channelId of pendingChannels) {
    try {
      await applyPendingStatuses(db, { channelId });
    } catch (err) {
      // They stay pending: the next message or webhook of the channel applies them.
      notes.push(`pending statuses not applied yet: ${String((err as Error)?.message ?? err).slice(0, 200)}`);
    }
  }
  const failures = items.filter((i) => i.outcome === "failed");
  const status = failures.length === 0 ? "processed" : failures.length === items.length ? "failed" : "partial";
  const lines = [
    ...items.filter((i) => i.outcome === "failed" || i.outcome === "skipped").map((i) => (i.outcome === "failed" ? `${i.path}: ${i.reason}` : (i.reason ?? i.path))),
    ...notes,
  ];
  await markDone(db, webhookEventId, { status, error: lines.length ? lines.join("\n").slice(0, 4000) : null, items });
  return { status, events: eventsOf(items), items, pass };
}

/**
 * The follow-ups of the items this pass applied: the customer messages the flow runtime must answer now. A re-applied
 * row also returns its earlier passes' events (sending them again starts nothing: same ids), but handing their
 * messages to the flow again would answer twice.
 */
export function eventsOfThisPass(outcome: WebhookOutcome): FollowUpEvent[] {
  if (outcome.pass === undefined || !outcome.items) return outcome.events;
  return eventsOf(outcome.items.filter((i) => (i.pass ?? outcome.pass) === outcome.pass));
}

/** The follow-ups of the applied items, once each (a redelivered item in the same row cannot announce twice). */
function eventsOf(items: WebhookItemOutcome[]): FollowUpEvent[] {
  const seen = new Map<string, FollowUpEvent>();
  for (const i of items) for (const e of i.events ?? []) if (!seen.has(e.id)) seen.set(e.id, e as FollowUpEvent);
  return [...seen.values()];
}

async function markDone(db: Db, id: string, set: { status: "processed" | "partial" | "failed" | "rejected"; error: string | null; items: WebhookItemOutcome[] }) {
  await db
    .update(webhookEvents)
    .set({ ...set, processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ["received"])));
}
