import type { Tx } from "@/db";
import { executorClock } from "./clock";
import { ingestInTx, type IncomingEvent } from "./ingest";
import { wakeWorkers } from "./wake";

/**
 * Embedded mode: stores events (and starts the runs they trigger) inside the caller's own transaction, so a row
 * and the durable work that must follow it commit together or not at all — a transactional outbox whose outbox
 * is the executor's queue. Call `afterIngestCommit()` once the transaction has committed, to wake the worker.
 * Only valid when this database is the executor's (inngestMode() === "embedded").
 */
export async function ingestEventsInTx(tx: Tx, events: IncomingEvent[]): Promise<string[]> {
  return ingestInTx(tx, events, executorClock().now());
}

export function afterIngestCommit() {
  wakeWorkers();
}
