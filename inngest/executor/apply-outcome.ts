import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { StepResult } from "@/db/schema";
import { query } from "./db";
import type { CallOutcome, Op } from "./call-sdk";
import { parseDuration, wakeTime } from "./duration";
import { loadFunction } from "./registry";
import { createRun, enqueueCall, enqueueResolve, ensureCall, finishRun, type lockRun } from "./runs";
import { newId } from "./ids";

export type ClaimedCall = { id: number; runId: string; stepId: string | null; attempt: number };

/** Retry delay after a failed attempt n (0-based): 10 s, 20 s, 40 s … capped at 10 min. */
export const defaultBackoff = (attempt: number) => Math.min(10_000 * 2 ** attempt, 600_000);

/**
 * Applies what the SDK answered to the run, in one transaction under the run's row lock. If this worker lost
 * its lease meanwhile (it was presumed dead and the item was re-queued), the answer is dropped.
 */
export async function applyOutcome(
  tx: Tx,
  item: ClaimedCall,
  outcome: CallOutcome,
  ctx: {
    workerId: string;
    now: number;
    sentStepIds: Set<string>;
    /** This call's `ctx.qi_id`: steps checkpointed under it (checkpoint.ts) are results the SDK has seen. */
    dispatchId?: string;
    maxAttempts: number;
    backoff: (attempt: number) => number;
  },
) {
  // Lock the run and the item together; no row = the item is gone (run ended or cancelled meanwhile).
  const [locked] = await query<
    Omit<RunLockRow, "organizationId"> & { organization_id: string | null; leased_by: string | null; checkpoint: { dispatch: string; steps: number } | null }
  >(
    tx,
    sql`select r.id, r.seq, r.status, r.concurrency, r.organization_id, q.leased_by, q.checkpoint from inngest_runs r
        join inngest_queue q on q.run_id = r.id and q.id = ${item.id}
        where r.id = ${item.runId} for update`,
  );
  if (!locked || locked.leased_by !== ctx.workerId) return;
  const { checkpoint } = locked;
  const run = { id: locked.id, seq: Number(locked.seq), status: locked.status, concurrency: locked.concurrency, organizationId: locked.organization_id };
  const checkpointed = checkpoint && ctx.dispatchId && checkpoint.dispatch === ctx.dispatchId ? Number(checkpoint.steps) : 0;
  if (run.status !== "running") return void (await deleteItem(tx, item.id));

  const retry = async (error: unknown, retryAfterMs?: number) => {
    if (item.attempt + 1 >= ctx.maxAttempts) return finishRun(tx, run.id, { status: "failed", error }, ctx.now);
    const delay = retryAfterMs ?? ctx.backoff(item.attempt);
    await tx.execute(sql`update inngest_queue set attempt = attempt + 1, run_at = ${ctx.now + delay},
        leased_by = null, leased_until = null, checkpoint = null where id = ${item.id}`);
  };

  if (outcome.kind === "completed") return finishRun(tx, run.id, { status: "completed", output: outcome.output }, ctx.now);
  if (outcome.kind === "failed") return finishRun(tx, run.id, { status: "failed", error: outcome.error }, ctx.now);
  if (outcome.kind === "retry") return retry(outcome.error, outcome.retryAfterMs);

  const stepError = outcome.ops.find((op) => op.op === "StepError");
  if (stepError) return retry(stepError.error, outcome.retryAfterMs);

  // A run that completes drops all its items in finishRun: no separate delete.
  if (!outcome.ops.some((op) => op.op === "RunComplete")) await deleteItem(tx, item.id);
  for (const op of outcome.ops) {
    // Settled before this call (a parallel branch re-reporting it). The run's end always counts.
    if (ctx.sentStepIds.has(op.id) && op.op !== "RunComplete") continue;
    const failure = await applyOp(tx, run, op, ctx.now);
    if (failure) return finishRun(tx, run.id, { status: "failed", error: failure }, ctx.now);
    if (op.op === "RunComplete") return;
  }
  // New results the SDK has not seen yet (from these ops or from events meanwhile): call again. Steps it
  // checkpointed during this call it has seen.
  await ensureCall(tx, run, ctx.now, ctx.sentStepIds.size + checkpointed);
}

type Run = NonNullable<Awaited<ReturnType<typeof lockRun>>>;
type RunLockRow = Run;

/** One op code. Returns an error to fail the run with, for ops this executor does not implement. */
async function applyOp(tx: Tx, run: Run, op: Op, now: number): Promise<unknown> {
  const save = (result: StepResult) =>
    tx.execute(sql`insert into inngest_steps (run_id, step_id, result, name, started_at, duration_ms)
        values ${stepRow(run.id, op, result)} on conflict do nothing`);
  switch (op.op) {
    case "StepRun":
      await save({ type: "data", data: op.data ?? null });
      return;
    case "StepFailed":
      await save({ type: "error", error: op.error });
      return;
    case "StepPlanned":
      await enqueueCall(tx, run, now, { stepId: op.id });
      return;
    case "RunComplete":
      await finishRun(tx, run.id, { status: "completed", output: op.data ?? null }, now);
      return;
    case "Sleep":
      await enqueueResolve(tx, run, op.id, wakeTime(String(op.name), now), { type: "data", data: null });
      return;
    case "WaitForEvent": {
      const timeout = parseDuration(String(op.opts?.timeout ?? ""));
      const expiresAt = timeout === undefined ? null : now + timeout;
      await tx.execute(sql`insert into inngest_waits (run_id, step_id, kind, event_name, expression, expires_at)
          values (${run.id}, ${op.id}, 'event', ${String(op.name)}, ${(op.opts?.if as string) ?? null}, ${expiresAt})
          on conflict (run_id, step_id) do nothing`);
      if (expiresAt !== null) await enqueueResolve(tx, run, op.id, expiresAt, { type: "data", data: null });
      return;
    }
    case "InvokeFunction":
      return invoke(tx, run, op, now);
    default:
      return {
        name: "UnsupportedOpError",
        message: `Papo's embedded Inngest executor does not support the "${op.op}" operation (step "${op.displayName ?? op.id}")`,
      };
  }
}

/** One `inngest_steps` row's values: the step's result plus what the Runs page shows of it. */
export function stepRow(runId: string, op: Pick<Op, "id" | "name" | "displayName" | "timing">, result: StepResult) {
  const { name, startedAt, durationMs } = stepDetails(op);
  // Typed: the rows are also used as a VALUES list in a select (checkpoint.ts), where nothing infers the types.
  return sql`(${runId}::text, ${op.id}::text, ${JSON.stringify(result)}::jsonb, ${name}::text, ${startedAt}::timestamptz,
              ${durationMs}::integer)`;
}

/**
 * What the Runs page shows of a step: the name the code gave it, and the SDK's timing when it reports one
 * (a Go-style interval in nanoseconds: `a` = start since the epoch, `b` = duration).
 */
function stepDetails(op: Pick<Op, "name" | "displayName" | "timing">): { name: string | null; startedAt: string | null; durationMs: number | null } {
  const name = op.displayName ?? op.name ?? null;
  const t = op.timing;
  const valid = t && Number.isFinite(t.a) && Number.isFinite(t.b) && t.a > 0 && t.b >= 0;
  return {
    name: typeof name === "string" ? name : null,
    startedAt: valid ? new Date(Math.floor(t.a / 1e6)).toISOString() : null,
    durationMs: valid ? Math.round(t.b / 1e6) : null,
  };
}

async function invoke(tx: Tx, run: Run, op: Op, now: number) {
  const opts = (op.opts ?? {}) as { function_id?: string; payload?: { data?: Record<string, unknown> }; timeout?: string };
  const fn = opts.function_id ? await loadFunction(tx, opts.function_id) : undefined;
  const [already] = await query(tx, sql`select 1 from inngest_runs where parent_run_id = ${run.id} and parent_step_id = ${op.id}`);
  if (already) return;
  if (!fn) {
    await tx.execute(sql`insert into inngest_steps (run_id, step_id, result, name) values (${run.id}, ${op.id},
        ${JSON.stringify({ type: "error", error: { name: "Error", message: `Function "${opts.function_id}" is not registered` } })}::jsonb,
        ${stepDetails(op).name})
        on conflict do nothing`);
    return;
  }
  const event = {
    name: "inngest/function.invoked",
    data: { ...(opts.payload?.data ?? {}), _inngest: { source_run_id: run.id, source_step_id: op.id } },
    id: newId("evt_"),
    ts: now,
  };
  await createRun(tx, fn, event, now, { parent: { runId: run.id, stepId: op.id } });
  const timeout = opts.timeout ? parseDuration(opts.timeout) : undefined;
  if (timeout !== undefined) {
    await enqueueResolve(tx, run, op.id, now + timeout, {
      type: "error",
      error: { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" },
    });
  }
}

async function deleteItem(tx: Tx, id: number) {
  await tx.execute(sql`delete from inngest_queue where id = ${id}`);
}
