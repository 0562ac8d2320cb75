import type { Tx } from "@/db";
import { executorClock } from "./clock";
import { withTx } from "./db";
import { finishRun, lockRun } from "./runs";

/** Stored as the run's error so whoever reads the run later knows it did not fail on its own. */
export const CANCELLED_BY_PERSON = { name: "RunCancelledError", message: "The run was cancelled by a person from Papo's Runs page" };

/**
 * Cancels a running run: marks it cancelled and deletes its queue items and waits, under the run's row lock, so
 * a sleeping or waiting run never resumes and a call in flight finds its item gone and is dropped. Returns false
 * (and changes nothing) when the run does not exist or has already finished. `alsoInTx` runs in the same
 * transaction (the caller's audit entry), only when the run was cancelled.
 */
export async function cancelRun(runId: string, options: { alsoInTx?: (tx: Tx) => Promise<void> } = {}): Promise<boolean> {
  return withTx(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run || run.status !== "running") return false;
    await finishRun(tx, runId, { status: "cancelled", error: CANCELLED_BY_PERSON }, executorClock().now());
    await options.alsoInTx?.(tx);
    return true;
  });
}
