import { sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { dbDriver, getDb } from "@/db";
import { env } from "@/lib/env";
import { embeddedSigningKey } from "../mode";
import { setExecutorClock, systemClock, type Clock } from "./clock";
import { CronScheduler } from "./cron-scheduler";
import { defaultBackoff } from "./apply-outcome";
import { notifyOtherProcesses, onWake } from "./wake";
import { listenForWake } from "./wake-listener";
import { Worker } from "./worker";
import { log as papoLog } from "@/lib/log/logger";
import { sdkTransport, type CallsMode, type SdkHandler } from "./sdk-transport";

export type ExecutorOptions = {
  /**
   * The SDK's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest: the URL synced at start (and registered); with
   * calls "http" every call is POSTed to it, in-process calls only carry it as the request URL.
   */
  serveUrl: string;
  clock?: Clock;
  /**
   * How calls reach the SDK (sdk-transport.ts): "inprocess" hands the signed request to `handler` (default: Papo's
   * own serve handler, inngest/serve-handler.ts) in this process; "http" POSTs to serveUrl. Default:
   * PAPO_EXECUTOR_CALLS.
   */
  calls?: CallsMode;
  /** The serve handler in-process calls go to (tests and benchmarks serve their own functions). */
  handler?: SdkHandler;
  /** Skip the initial sync (another process already registered the app). */
  sync?: boolean;
  /** Parallel calls this process makes. */
  maxInFlight?: number;
  /** How long a claimed item stays ours without renewal: a killed process's work resumes after this. */
  leaseMs?: number;
  /**
   * How often to look for due work when nothing wakes the worker: timers (sleeps, retries) and lost wake-ups.
   * New work wakes the worker at once, in-process or by NOTIFY from other processes.
   */
  pollMs?: number;
  /**
   * While calls are in flight, claim again only once this many slots are free (default a quarter of maxInFlight):
   * one claim transaction for several items instead of one per finished call.
   */
  claimBatch?: number;
  /** How long stop() lets in-flight calls finish before releasing their leases to other processes. */
  stopGraceMs?: number;
  callTimeoutMs?: number;
  backoff?: (attempt: number) => number;
  signingKey?: string;
  log?: (msg: string, err?: unknown) => void;
};

export type Executor = {
  /**
   * Stops claiming, lets in-flight calls finish for up to `graceMs` (default the stopGraceMs option), then
   * releases the leases of those still running so another process re-claims them at once. Bounded: it never
   * waits for a call that hangs.
   */
  stop(opts?: { graceMs?: number }): Promise<void>;
  sync(): Promise<void>;
  wake(): void;
  readonly workerId: string;
};

/** PGlite has no autovacuum: without fresh statistics the claim's per-organization index walk turns into sorts. */
const PGLITE_ANALYZE_EVERY_MS = 60_000;

/** Starts the embedded executor in this process: syncs the app, then claims and runs work until stop(). */
export async function startExecutor(options: ExecutorOptions): Promise<Executor> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((msg: string, err?: unknown) => papoLog.error(err === undefined ? {} : { err }, msg));
  const workerId = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const pollMs = options.pollMs ?? 250;
  const maxInFlight = options.maxInFlight ?? 16;
  const claimBatch = Math.min(maxInFlight, Math.max(1, options.claimBatch ?? Math.ceil(maxInFlight / 4)));
  const stopGraceMs = options.stopGraceMs ?? 5_000;
  const pglite = dbDriver() === "pglite";
  setExecutorClock(clock);

  // One process per PGlite directory: any lease left in it belongs to a process that is gone.
  if (pglite) {
    await getDb().execute(sql`update inngest_queue set leased_by = null, leased_until = null where leased_by is not null`);
  }
  let analyzedAt = 0;
  const analyzeIfDue = async () => {
    if (!pglite || Date.now() - analyzedAt < PGLITE_ANALYZE_EVERY_MS) return;
    analyzedAt = Date.now();
    await getDb().execute(sql`analyze inngest_queue, inngest_runs, inngest_steps`);
  };

  const transport = sdkTransport(options.calls ?? env().PAPO_EXECUTOR_CALLS, options.handler);
  const sync = async () => {
    const res = await transport(new Request(options.serveUrl, { method: "PUT" }));
    const body = await res.text();
    if (!res.ok) throw new Error(`Syncing Inngest functions from ${options.serveUrl} failed (${res.status}): ${body}`);
  };
  if (options.sync !== false) await sync();

  let stopped = false;
  let woken = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const worker = new Worker(
    {
      clock,
      workerId,
      signingKey: options.signingKey ?? embeddedSigningKey(),
      transport,
      maxInFlight,
      leaseMs: options.leaseMs ?? 30_000,
      callTimeoutMs: options.callTimeoutMs ?? 15 * 60_000,
      backoff: options.backoff ?? defaultBackoff,
      log,
    },
    wake,
  );
  const cron = new CronScheduler(clock);
  // Tells wakeWorkers() whether this process takes the new work itself (then no NOTIFY is needed).
  const unsubscribe = onWake(() => {
    wake();
    return !stopped && worker.busy < maxInFlight;
  });
  // Without the LISTEN connection (connection limit, network) the worker still works, at the poll's pace.
  const listener = await listenForWake(wake).catch((err: unknown) => {
    log("executor: cannot LISTEN for wake-ups from other processes; polling only", err);
    return { close: async () => {} };
  });

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let claimed = 0;
      let free = 0;
      try {
        await analyzeIfDue();
        await cron.tick();
        free = maxInFlight - worker.busy;
        if (worker.busy === 0 || free >= claimBatch) claimed = await worker.claimAndStart();
      } catch (err) {
        if (!stopped) log("executor: polling failed", err);
      }
      if (stopped) break;
      // A full claim may have left more behind: claim again at once. A claim that got fewer than it asked for found
      // nothing more to take (an empty claim costs BEGIN, a statement, COMMIT): wait for a wake-up — new work, a
      // finished call freeing a concurrency key — or the poll for timers.
      if (claimed > 0 && claimed >= free && maxInFlight - worker.busy >= claimBatch) continue;
      if (!woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
      }
    }
  })();

  return {
    workerId,
    sync,
    wake,
    async stop(opts = {}) {
      stopped = true;
      unsubscribe();
      wake();
      await listener.close().catch(() => {});
      await loop;
      const graceMs = opts.graceMs ?? stopGraceMs;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        worker.drain().then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      if (drained) return;
      // Calls still running are abandoned, not waited for: their items go back to the queue now (not after the
      // lease expires) and the other workers are told. A late outcome of an abandoned call is refused, because
      // completion checks the lease is still ours; the step runs again elsewhere (at-least-once, as in Inngest).
      await getDb().execute(sql`update inngest_queue set leased_by = null, leased_until = null where leased_by = ${workerId}`);
      await notifyOtherProcesses();
      log(`executor: stopped with ${worker.busy} call(s) still running; their items were released to other workers`);
    },
  };
}
