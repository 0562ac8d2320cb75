import { getDb, type Tx } from "@/db";
import { inngest } from "@/inngest/client";
import { inngestMode } from "@/inngest/mode";
import { withTx } from "@/inngest/executor/db";
import { afterIngestCommit, ingestEventsInTx } from "@/inngest/executor/ingest-events-in-tx";
import type { JobEvent } from "./job-event";

/**
 * Runs `write` in a transaction and hands the events it returns to durable work so that both happen or neither.
 * Embedded executor: the events (and the runs they start) are written in that same transaction — a transactional
 * outbox whose outbox is the executor's queue — and the worker is woken after the commit. Inngest Cloud or a
 * self-hosted server: the writes commit first, then one send(); a caller that must not lose the events keeps a
 * sweep for rows whose send never happened (their event ids make a second send start nothing).
 */
export async function enqueueInTransaction<T>(write: (tx: Tx) => Promise<{ result: T; events: JobEvent[] }>): Promise<T> {
  if (inngestMode() === "embedded") {
    const { result, events } = await withTx(async (tx) => {
      const out = await write(tx);
      if (out.events.length) await ingestEventsInTx(tx, out.events);
      return out;
    });
    if (events.length) afterIngestCommit();
    return result;
  }
  const { result, events } = await getDb().transaction(write);
  if (events.length) await inngest.send(events as Parameters<typeof inngest.send>[0]);
  return result;
}
