import { statementCount } from "@/db/statement-counter";

/**
 * What durable work costs, counted in this process since start (or the last resetCounters()):
 * - `sdkCalls`: execution requests the executor made to the SDK's serve handler (in-process or over HTTP), one per
 *   queue item it ran, whatever the answer (steps checkpointed inside a call do not add calls);
 * - `checkpoints`: checkpoint requests the SDK made back to the executor (`POST /v1/checkpoint/{runId}/async`);
 * - `sqlStatements`: every SQL statement this process sent to the database, BEGIN and COMMIT included, on both
 *   drivers (db/statement-counter.ts), by anyone: executor, functions, route handlers. A test that wants the cost
 *   of one piece of work resets, does the work with nothing else running, and reads.
 * All are plain increments on globalThis (shared by server.ts and Next's bundled route handlers).
 */
export type Counters = { sdkCalls: number; checkpoints: number; sqlStatements: number };

const g = globalThis as unknown as { __papoExecutorCounters?: { sdkCalls: number; checkpoints: number; sqlBase: number } };

function state() {
  return (g.__papoExecutorCounters ??= { sdkCalls: 0, checkpoints: 0, sqlBase: 0 });
}

export function readCounters(): Counters {
  const s = state();
  return { sdkCalls: s.sdkCalls, checkpoints: s.checkpoints, sqlStatements: statementCount() - s.sqlBase };
}

export function resetCounters(): void {
  const s = state();
  s.sdkCalls = 0;
  s.checkpoints = 0;
  s.sqlBase = statementCount();
}

export function countSdkCall(): void {
  state().sdkCalls++;
}

export function countCheckpoint(): void {
  state().checkpoints++;
}
