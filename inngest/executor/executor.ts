import { sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { dbDriver, getDb } from "@/db";
import { env } from "@/lib/env";
import { embeddedSigningKey } from "../mode";
import { setExecutorClock, systemClock, type Clock } from "./clock";
import { CronScheduler } from "./cron-scheduler";
import { defaultBackoff } from "./apply-outcome";
import { onWake } from "./wake";
import { Worker } from "./worker";
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
  /** How often to look for due work when nothing wakes the worker (work from other processes, timers). */
  pollMs?: number;
  callTimeoutMs?: number;
  backoff?: (attempt: number) => number;
  signingKey?: string;
  log?: (msg: string, err?: unknown) => void;
};

export type Executor = { stop(): Promise<void>; sync(): Promise<void>; wake(): void; readonly workerId: string };

/** Starts the embedded executor in this process: syncs the app, then claims and runs work until stop(). */
export async function startExecutor(options: ExecutorOptions): Promise<Executor> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ""));
  const workerId = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const pollMs = options.pollMs ?? 250;
  const maxInFlight = options.maxInFlight ?? 16;
  setExecutorClock(clock);

  // One process per PGlite directory: any lease left in it belongs to a process that is gone.
  if (dbDriver() === "pglite") {
    await getDb().execute(sql`update inngest_queue set leased_by = null, leased_until = null where leased_by is not null`);
  }

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
  const unsubscribe = onWake(wake);

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let claimed = 0;
      try {
        await cron.tick();
        claimed = await worker.claimAndStart();
      } catch (err) {
        if (!stopped) log("executor: polling failed", err);
      }
      if (stopped) break;
      if (claimed > 0 && worker.busy < maxInFlight) continue;
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
    async stop() {
      stopped = true;
      unsubscribe();
      wake();
      await loop;
      await worker.drain();
    },
  };
}
