import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { executorClock } from "./clock";
import { query, withTx } from "./db";
import type { StoredEvent } from "./ingest";
import { loadFunction } from "./registry";
import { createRun } from "./runs";
import { wakeWorkers } from "./wake";

export class ReplayError extends Error {}

/**
 * Starts a new run of the same function with the same triggering event, in the same organization. It is queued
 * like any new run (concurrency, throttle and cancelOn apply) except for idempotency: a replay is a person asking
 * for the function to run again. An invoked run is replayed on its own, without a parent to answer.
 * Returns the new run's id; throws ReplayError when the run is unknown or its function is no longer registered.
 */
export async function replayRun(runId: string, options: { alsoInTx?: (tx: Tx, newRunId: string) => Promise<void> } = {}): Promise<string> {
  const newRunId = await withTx(async (tx) => {
    const [run] = await query<{ function_id: string; event: StoredEvent; organization_id: string | null }>(
      tx,
      sql`select function_id, event, organization_id from inngest_runs where id = ${runId}`,
    );
    if (!run) throw new ReplayError(`Run ${runId} does not exist`);
    const fn = await loadFunction(tx, run.function_id);
    if (!fn) throw new ReplayError(`Function "${run.function_id}" is no longer registered, so its runs cannot be replayed`);
    const id = await createRun(tx, fn, run.event, executorClock().now(), { replayOf: { organizationId: run.organization_id } });
    if (!id) throw new ReplayError(`Run ${runId} could not be replayed`);
    await options.alsoInTx?.(tx, id);
    return id;
  });
  wakeWorkers();
  return newRunId;
}
