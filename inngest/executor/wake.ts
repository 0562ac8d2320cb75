import { sql } from "drizzle-orm";
import { dbDriver, getDb } from "@/db";

/** The PostgreSQL channel every worker process listens on (wake-listener.ts). */
export const WAKE_CHANNEL = "papo_executor_wake";

/**
 * Wake-up of the workers after new work was queued. In-process: send() in a Next route handler (its own module
 * graph) reaches the worker started by server.ts through globalThis. Across processes (PostgreSQL only): a NOTIFY
 * that every worker LISTENs for, so a web process with PAPO_EXECUTOR=off hands work over without a poll delay.
 *
 * A local worker answers whether it has a free slot; only when none has is the NOTIFY sent, so a single process
 * doing everything pays no extra statement. Notifications are coalesced: at most one in flight, plus one more if
 * work arrived meanwhile.
 */
type Waker = () => boolean;
const g = globalThis as unknown as { __papoExecutorWake?: Set<Waker>; __papoWakeNotify?: { inFlight: boolean; again: boolean } };

export function onWake(fn: Waker): () => void {
  g.__papoExecutorWake ??= new Set();
  g.__papoExecutorWake.add(fn);
  return () => g.__papoExecutorWake?.delete(fn);
}

export function wakeWorkers() {
  let taken = false;
  for (const fn of g.__papoExecutorWake ?? []) if (fn()) taken = true;
  if (!taken) notifyOtherProcesses();
}

/** NOTIFY the other processes' workers (PostgreSQL); also used by a stopping worker that released its items. */
export function notifyOtherProcesses(): Promise<void> | undefined {
  if (dbDriver() !== "postgres") return;
  const state = (g.__papoWakeNotify ??= { inFlight: false, again: false });
  if (state.inFlight) {
    state.again = true;
    return;
  }
  state.inFlight = true;
  return getDb()
    .execute(sql`select pg_notify(${WAKE_CHANNEL}, '')`)
    .then(
      () => undefined,
      () => undefined, // the poll interval is the fallback: a lost wake-up only delays work
    )
    .finally(() => {
      state.inFlight = false;
      if (state.again) {
        state.again = false;
        void notifyOtherProcesses();
      }
    });
}
