import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { inngestMode } from "@/inngest/mode";
import { enqueueInTransaction } from "@/lib/jobs";
import { log } from "@/lib/log/logger";

/** A webhook_events row to store; a `received` row with an organization is handed to process-webhook-event. */
export type WebhookRowInput = Omit<typeof webhookEvents.$inferInsert, "id"> & { orderingKey?: string };
export type StoredWebhookRow = { id: string; organizationId: string | null };

/** Rows per transaction, and transactions in flight at once (each holds one pooled connection). */
const MAX_BATCH_ROWS = 256;
const MAX_FLUSHES = 2;

type Job = { rows: (WebhookRowInput & { id: string })[]; resolve: () => void; reject: (err: unknown) => void };
type State = { queue: Job[]; flushing: number; scheduled: boolean };
// On globalThis: both webhook routes (two route bundles) share one batcher and one connection budget.
const g = globalThis as unknown as { __papoWebhookStore?: State };
const state = () => (g.__papoWebhookStore ??= { queue: [], flushing: 0, scheduled: false });

/**
 * Stores webhook rows durably and hands the `received` ones to process-webhook-event; resolves once both are
 * committed (the caller may then answer Meta 200). Concurrent calls are group-committed: while a transaction is in
 * flight, arriving rows queue and go together in the next one — one multi-row insert and one commit for many
 * POSTs, instead of two commits and a dozen round trips each.
 *
 * Embedded executor: the rows and their `papo/webhook.received` events (and the runs those start) are written in
 * the same transaction, so a stored webhook can never miss its processing, whatever crashes when. Inngest Cloud or
 * a self-hosted server: the rows commit first, then one send() per batch; if that send fails (or the process dies
 * before it), the rows stay `received` and recover-stale-webhooks sends their events again (same event ids).
 */
export function storeWebhookRows(rows: WebhookRowInput[]): Promise<StoredWebhookRow[]> {
  const withIds = rows.map((r) => ({ ...r, id: randomUUID() }));
  return new Promise<StoredWebhookRow[]>((resolve, reject) => {
    const s = state();
    s.queue.push({ rows: withIds, resolve: () => resolve(withIds.map((r) => ({ id: r.id, organizationId: r.organizationId ?? null }))), reject });
    if (!s.scheduled) {
      s.scheduled = true;
      // Requests parsed in the same turn of the event loop join one batch.
      setImmediate(pump);
    }
  });
}

function pump() {
  const s = state();
  s.scheduled = false;
  while (s.flushing < MAX_FLUSHES && s.queue.length) {
    const jobs: Job[] = [];
    let n = 0;
    while (s.queue.length && (jobs.length === 0 || n + s.queue[0].rows.length <= MAX_BATCH_ROWS)) {
      const job = s.queue.shift()!;
      jobs.push(job);
      n += job.rows.length;
    }
    s.flushing++;
    void flush(jobs).finally(() => {
      s.flushing--;
      pump();
    });
  }
}

async function flush(jobs: Job[]) {
  try {
    await writeRows(jobs.flatMap((j) => j.rows));
    for (const j of jobs) j.resolve();
  } catch (err) {
    if (jobs.length === 1) return jobs[0].reject(err);
    // One bad request must not fail its neighbours: retry each on its own.
    for (const j of jobs) {
      try {
        await writeRows(j.rows);
        j.resolve();
      } catch (e) {
        j.reject(e);
      }
    }
  }
}

async function writeRows(rows: (WebhookRowInput & { id: string })[]) {
  const events = rows.flatMap((r) =>
    r.status === "received" && r.organizationId
      ? [
          {
            // The event id is the row's: a second send (the recovery sweep, a retry) starts nothing twice.
            id: `webhook-${r.id}`,
            name: "papo/webhook.received" as const,
            data: { webhookEventId: r.id, organizationId: r.organizationId, ...(r.orderingKey ? { orderingKey: r.orderingKey } : {}) },
          },
        ]
      : [],
  );
  const values = rows.map((r) => {
    const row: typeof webhookEvents.$inferInsert & { orderingKey?: string } = { ...r };
    delete row.orderingKey; // travels in the event, not in the row
    return row;
  });
  if (inngestMode() === "embedded") {
    await enqueueInTransaction(async (tx) => {
      await tx.insert(webhookEvents).values(values);
      return { result: undefined, events };
    });
    return;
  }
  await getDb().insert(webhookEvents).values(values);
  if (!events.length) return;
  try {
    await inngest.send(events);
  } catch (err) {
    // Stored is what matters for the 200: the rows stay `received` and the recovery sweep hands them off.
    log.error({ err }, `${events.length} stored webhook(s) not handed off yet; recover-stale-webhooks will retry`);
  }
}
