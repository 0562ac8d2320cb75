import type { Tx } from "@/db";
import { cancelRun } from "@/inngest/executor/cancel-run";
import { replayRun, ReplayError } from "@/inngest/executor/replay-run";

/** The Runs page's actions on the embedded executor's runs; `alsoInTx` commits with them (the audit entry). */
export const cancelJobRun: (runId: string, options?: { alsoInTx?: (tx: Tx) => Promise<void> }) => Promise<boolean> = cancelRun;
export const replayJobRun: (runId: string, options?: { alsoInTx?: (tx: Tx, newRunId: string) => Promise<void> }) => Promise<string> = replayRun;
/** Thrown by replayJobRun when the run cannot be replayed (its event is gone, …): a 409 for the caller. */
export { ReplayError as JobReplayError };
