import { sql } from "drizzle-orm";
import type { StepResult } from "@/db/schema";
import { getDb } from "@/db";
import { query, withTx } from "./db";
import type { Clock } from "./clock";
import { claimItems, type QueueItem } from "./claim";
import { randomBytes } from "node:crypto";
import { callSdk, type SdkTransport } from "./call-sdk";
import { dispatchId } from "./checkpoint";
import { applyOutcome } from "./apply-outcome";
import { maxAttempts } from "./function-config";
import { loadFunction } from "./registry";
import { finishRun, resolveStep } from "./runs";
import type { StoredEvent } from "./ingest";

export type WorkerOptions = {
  clock: Clock;
  workerId: string;
  signingKey: string;
  transport: SdkTransport;
  maxInFlight: number;
  leaseMs: number;
  callTimeoutMs: number;
  backoff: (attempt: number) => number;
  log: (msg: string, err?: unknown) => void;
};

/** Claims queue items and runs them: "call" items over HTTP to the SDK, "resolve" items in the database. */
export class Worker {
  private inFlight = new Map<number, Promise<void>>();
  private renewTimer: NodeJS.Timeout;

  constructor(
    private opts: WorkerOptions,
    private onSettled: () => void,
  ) {
    // Leases expire unless renewed: a process killed mid-call loses its items to the others after leaseMs.
    this.renewTimer = setInterval(() => void this.renewLeases(), Math.max(50, opts.leaseMs / 3));
    this.renewTimer.unref();
  }

  get busy() {
    return this.inFlight.size;
  }

  /** Claims what fits and starts it; returns how many items were claimed. */
  async claimAndStart(): Promise<number> {
    const free = this.opts.maxInFlight - this.inFlight.size;
    if (free <= 0) return 0;
    const items = await claimItems({ limit: free, now: this.opts.clock.now(), workerId: this.opts.workerId, leaseMs: this.opts.leaseMs });
    for (const item of items) {
      const p = this.process(item)
        .catch(async (err) => {
          this.opts.log(`executor: item ${item.id} of run ${item.runId} failed to process`, err);
          await this.release(item).catch(() => {});
        })
        .finally(() => {
          this.inFlight.delete(item.id);
          this.onSettled();
        });
      this.inFlight.set(item.id, p);
    }
    return items.length;
  }

  async drain() {
    clearInterval(this.renewTimer);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async process(item: QueueItem) {
    if (item.kind === "resolve") return this.resolve(item);
    const now = () => this.opts.clock.now();
    const [run] = await query<{ status: string; function_id: string; event: StoredEvent; steps: { step_id: string; result: StepResult }[] }>(
      getDb(),
      sql`select status, function_id, event,
            coalesce((select json_agg(json_build_object('step_id', s.step_id, 'result', s.result) order by s.seq)
                      from inngest_steps s where s.run_id = r.id), '[]') as steps
          from inngest_runs r where id = ${item.runId}`,
    );
    const fn = run && (await loadFunction(getDb(), run.function_id));
    if (!run || run.status !== "running" || !fn) {
      await withTx(async (tx) => {
        await tx.execute(sql`delete from inngest_queue where id = ${item.id}`);
        if (run?.status === "running") {
          const error = { name: "Error", message: `Function "${run.function_id}" is no longer registered` };
          await finishRun(tx, item.runId, { status: "failed", error }, now());
        }
      });
      return;
    }
    const steps = typeof run.steps === "string" ? (JSON.parse(run.steps) as typeof run.steps) : run.steps;
    const attempts = maxAttempts(fn.config);
    const dispatch = dispatchId(item.id, this.opts.workerId, randomBytes(4).toString("hex"));
    const outcome = await callSdk({
      url: fn.url,
      stepId: item.stepId,
      runId: item.runId,
      functionId: fn.id,
      dispatchId: dispatch,
      transport: this.opts.transport,
      event: run.event,
      steps: steps.map((s) => ({ stepId: s.step_id, result: s.result })),
      attempt: item.attempt,
      maxAttempts: attempts,
      signingKey: this.opts.signingKey,
      timeoutMs: this.opts.callTimeoutMs,
    });
    await withTx((tx) =>
      applyOutcome(tx, item, outcome, {
        workerId: this.opts.workerId,
        now: now(),
        sentStepIds: new Set(steps.map((s) => s.step_id)),
        dispatchId: dispatch,
        maxAttempts: attempts,
        backoff: this.opts.backoff,
      }),
    );
  }

  private async resolve(item: QueueItem) {
    await withTx(async (tx) => {
      const [mine] = await query(tx, sql`delete from inngest_queue where id = ${item.id} and leased_by = ${this.opts.workerId} returning id`);
      if (mine) await resolveStep(tx, item.runId, item.stepId!, item.result!, this.opts.clock.now());
    });
  }

  /** After an unexpected error: retry the item a second later instead of waiting for the lease to run out. */
  private async release(item: QueueItem) {
    await getDb().execute(sql`update inngest_queue set leased_by = null, leased_until = null,
        run_at = ${this.opts.clock.now() + 1000} where id = ${item.id} and leased_by = ${this.opts.workerId}`);
  }

  private async renewLeases() {
    const ids = [...this.inFlight.keys()];
    if (ids.length === 0) return;
    try {
      await getDb().execute(sql`update inngest_queue set leased_until = ${Date.now() + this.opts.leaseMs}
          where leased_by = ${this.opts.workerId} and id = any(${`{${ids.join(",")}}`}::bigint[])`);
    } catch (err) {
      this.opts.log("executor: lease renewal failed", err);
    }
  }
}
