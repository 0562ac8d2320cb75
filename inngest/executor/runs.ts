import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { StepResult } from "@/db/schema";
import { query } from "./db";
import { evaluate } from "./expression";
import { parseDuration } from "./duration";
import { concurrencyOptions, type FunctionRecord } from "./function-config";
import { ingestInTx, type StoredEvent } from "./ingest";
import { newId } from "./ids";
import { organizationIdOf } from "./organization-id-of";

const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

/**
 * A locked run, as the queue needs it. `organizationId`: every queue item carries its run's organization (the
 * group fair claiming takes turns between), written by each insert below — no trigger copies it.
 */
type RunLock = { id: string; seq: number; status: string; concurrency: { key: string; limit: number }[]; organizationId: string | null };

export type CreateRunOptions = {
  /** step.invoke: the calling run and step, answered when this run ends. The child takes the parent's organization. */
  parent?: { runId: string; stepId: string };
  /** A replay: same organization as the original run, and no idempotency check (a person asked to run it again). */
  replayOf?: { organizationId: string | null };
};

/**
 * Starts a run of `fn` for `event` unless flow control says no (idempotency). Evaluates concurrency and
 * throttle keys once, registers cancelOn waits, and queues the first call.
 */
export async function createRun(
  tx: Tx,
  fn: FunctionRecord,
  event: StoredEvent,
  now: number,
  options: CreateRunOptions = {},
): Promise<string | undefined> {
  const { parent, replayOf } = options;
  const cfg = fn.config;
  const scope = { event };
  const runId = newId("run_");
  const organization = replayOf
    ? sql`${replayOf.organizationId}::uuid`
    : parent
      ? sql`(select organization_id from inngest_runs where id = ${parent.runId})`
      : sql`${organizationIdOf(event.data)}::uuid`;
  if (cfg.idempotency && !replayOf) {
    const key = JSON.stringify(evaluate(cfg.idempotency, scope));
    // The insert wins only if the key is new or its 24 h window has passed.
    const won = await query(
      tx,
      sql`insert into inngest_idempotency (function_id, key, run_id, expires_at)
          values (${fn.id}, ${key}, ${runId}, ${now + IDEMPOTENCY_WINDOW_MS})
          on conflict (function_id, key) do update set run_id = excluded.run_id, expires_at = excluded.expires_at
          where inngest_idempotency.expires_at <= ${now}
          returning run_id`,
    );
    if (won.length === 0) return undefined;
  }
  const { concurrency, throttle } = flowControl(fn, event);
  const keys = concurrency.map((c) => c.key);
  const limits = concurrency.map((c) => c.limit);
  // Run and first call in one statement: ingestion does this for every event, and round trips dominate.
  await tx.execute(
    sql`with r as (
          insert into inngest_runs (id, function_id, event, event_id, organization_id, status, concurrency, parent_run_id,
                                    parent_step_id, created_at)
          values (${runId}, ${fn.id}, ${JSON.stringify(event)}::jsonb, ${event.id}, ${organization}, 'running',
                  ${JSON.stringify(concurrency)}::jsonb, ${parent?.runId ?? null}, ${parent?.stepId ?? null}, ${now})
          returning id, seq, organization_id)
        insert into inngest_queue (run_id, organization_id, kind, priority, run_at, concurrency_keys, concurrency_limits, throttle)
        select r.id, r.organization_id, 'call', r.seq, ${now}, ${pgArray(keys)}::text[], ${pgArray(limits)}::integer[],
               ${throttle ? JSON.stringify(throttle) : null}::jsonb from r`,
  );
  for (const [i, c] of (cfg.cancel ?? []).entries()) {
    const timeout = c.timeout ? parseDuration(c.timeout)! : undefined;
    await tx.execute(sql`insert into inngest_waits (run_id, step_id, kind, event_name, expression, expires_at)
        values (${runId}, ${`cancel:${i}`}, 'cancel', ${c.event}, ${c.if ?? null}, ${timeout ? now + timeout : null})`);
  }
  return runId;
}

/**
 * Starts runs for many (function, event) pairs at once: event ingestion calls this for a whole batch, so a batch of
 * webhooks costs one statement instead of one per run. Runs that need per-run work (idempotency check, cancelOn
 * waits) go through createRun one by one. Runs are created in the order given (their seq orders the queue).
 */
export async function createRuns(tx: Tx, pairs: { fn: FunctionRecord; event: StoredEvent }[], now: number): Promise<void> {
  const simple = pairs.filter((p) => !p.fn.config.idempotency && !p.fn.config.cancel?.length);
  for (const p of pairs) if (!simple.includes(p)) await createRun(tx, p.fn, p.event, now);
  if (simple.length === 0) return;
  const values = simple.map(({ fn, event }, i) => {
    const { concurrency, throttle } = flowControl(fn, event);
    return sql`(${newId("run_")}::text, ${fn.id}::text, ${JSON.stringify(event)}::jsonb, ${event.id}::text,
                ${organizationIdOf(event.data)}::uuid, ${JSON.stringify(concurrency)}::jsonb,
                ${pgArray(concurrency.map((c) => c.key))}::text[], ${pgArray(concurrency.map((c) => c.limit))}::integer[],
                ${throttle ? JSON.stringify(throttle) : null}::jsonb, ${i}::integer)`;
  });
  await tx.execute(
    sql`with v (id, function_id, event, event_id, organization_id, concurrency, keys, limits, throttle, ord) as (
          values ${sql.join(values, sql`, `)}),
        r as (
          insert into inngest_runs (id, function_id, event, event_id, organization_id, status, concurrency, created_at)
          select id, function_id, event, event_id, organization_id, 'running', concurrency, ${now} from v order by ord
          returning id, seq)
        insert into inngest_queue (run_id, organization_id, kind, priority, run_at, concurrency_keys, concurrency_limits, throttle)
        select r.id, v.organization_id, 'call', r.seq, ${now}, v.keys, v.limits, v.throttle from r join v on v.id = r.id order by r.seq`,
  );
}

/** Concurrency keys and throttle of a run, evaluated once against its triggering event. */
function flowControl(fn: FunctionRecord, event: StoredEvent) {
  const cfg = fn.config;
  const scope = { event };
  const concurrency = concurrencyOptions(cfg).map((c) => ({
    // "env" scope shares the limit across functions that evaluate to the same key.
    key: `${c.scope === "env" ? "env" : fn.id}:${c.key ? JSON.stringify(evaluate(c.key, scope)) : ""}`,
    limit: c.limit,
  }));
  const throttle = cfg.throttle
    ? {
        key: `${fn.id}:${cfg.throttle.key ? JSON.stringify(evaluate(cfg.throttle.key, scope)) : ""}`,
        limit: cfg.throttle.limit,
        periodMs: parseDuration(cfg.throttle.period)!,
      }
    : null;
  return { concurrency, throttle };
}

export async function enqueueCall(
  tx: Tx,
  run: RunLock,
  runAt: number,
  opts: { stepId?: string; throttle?: { key: string; limit: number; periodMs: number } | null } = {},
) {
  const keys = run.concurrency.map((c) => c.key);
  const limits = run.concurrency.map((c) => c.limit);
  await tx.execute(sql`insert into inngest_queue
      (run_id, organization_id, kind, step_id, dedupe_key, priority, run_at, concurrency_keys, concurrency_limits, throttle)
      values (${run.id}, ${run.organizationId}::uuid, 'call', ${opts.stepId ?? null}, ${opts.stepId ? `${run.id}:call:${opts.stepId}` : null},
              ${run.seq}, ${runAt}, ${pgArray(keys)}::text[], ${pgArray(limits)}::integer[],
              ${opts.throttle ? JSON.stringify(opts.throttle) : null}::jsonb)
      on conflict (dedupe_key) do nothing`);
}

/** Queues a step result to be stored at `runAt` (sleep wake-up, waitForEvent / invoke timeout). */
export async function enqueueResolve(tx: Tx, run: RunLock, stepId: string, runAt: number, result: StepResult) {
  await tx.execute(sql`insert into inngest_queue (run_id, organization_id, kind, step_id, result, dedupe_key, priority, run_at)
      values (${run.id}, ${run.organizationId}::uuid, 'resolve', ${stepId}, ${JSON.stringify(result)}::jsonb, ${`${run.id}:resolve:${stepId}`},
              ${run.seq}, ${runAt})
      on conflict (dedupe_key) do nothing`);
}

/** Locks the run row: every change to one run's state is serialised through this lock. */
export async function lockRun(tx: Tx, runId: string): Promise<RunLock | undefined> {
  const [run] = await query<Omit<RunLock, "organizationId"> & { organization_id: string | null }>(
    tx,
    sql`select id, seq, status, concurrency, organization_id from inngest_runs where id = ${runId} for update`,
  );
  return run ? { id: run.id, seq: Number(run.seq), status: run.status, concurrency: run.concurrency, organizationId: run.organization_id } : undefined;
}

/**
 * The run has new state: make sure a call will show it to the SDK (one already queued or in flight will).
 * With `sentSteps`, only if the run now has more step results than the finished call was sent.
 */
export async function ensureCall(tx: Tx, run: RunLock, now: number, sentSteps?: number) {
  const newResults =
    sentSteps === undefined ? sql`true` : sql`(select count(*) from inngest_steps where run_id = ${run.id}) > ${sentSteps}`;
  await tx.execute(sql`insert into inngest_queue (run_id, organization_id, kind, priority, run_at, concurrency_keys, concurrency_limits)
      select ${run.id}, ${run.organizationId}::uuid, 'call', ${run.seq}, ${now}, ${pgArray(run.concurrency.map((c) => c.key))}::text[],
             ${pgArray(run.concurrency.map((c) => c.limit))}::integer[]
      where not exists (select 1 from inngest_queue where run_id = ${run.id} and kind = 'call') and ${newResults}`);
}

/** Stores a step's result once (the first writer wins) and continues the run. */
export async function resolveStep(tx: Tx, runId: string, stepId: string, result: StepResult, now: number): Promise<boolean> {
  const run = await lockRun(tx, runId);
  if (!run || run.status !== "running") return false;
  const inserted = await query(
    tx,
    sql`insert into inngest_steps (run_id, step_id, result) values (${runId}, ${stepId}, ${JSON.stringify(result)}::jsonb)
        on conflict do nothing returning step_id`,
  );
  if (inserted.length === 0) return false;
  await tx.execute(sql`delete from inngest_waits where run_id = ${runId} and step_id = ${stepId}`);
  await tx.execute(sql`delete from inngest_queue where dedupe_key = ${`${runId}:resolve:${stepId}`}`);
  await ensureCall(tx, run, now);
  return true;
}

/** A cancellation may say why (a person cancelled it); cancelOn leaves the error empty. */
export type RunEnd = { status: "completed"; output: unknown } | { status: "failed"; error: unknown } | { status: "cancelled"; error?: unknown };

/** Ends a run: clears its queue and waits, answers a parent's step.invoke, and announces failures. */
export async function finishRun(tx: Tx, runId: string, end: RunEnd, now: number) {
  const error = end.status === "completed" || (end.status === "cancelled" && end.error === undefined) ? null : JSON.stringify(end.error ?? null);
  const [run] = await query<{
    function_id: string;
    event: StoredEvent;
    organization_id: string | null;
    parent_run_id: string | null;
    parent_step_id: string | null;
  }>(
    tx,
    // One statement: the run's end, and its queue items and waits gone only if it was still running.
    sql`with r as (
          update inngest_runs set status = ${end.status}, ended_at = ${now},
            output = ${end.status === "completed" ? JSON.stringify(end.output ?? null) : null}::jsonb,
            error = ${error}::jsonb
          where id = ${runId} and status = 'running'
          returning function_id, event, organization_id, parent_run_id, parent_step_id),
        q as (delete from inngest_queue where run_id = ${runId} and exists (select 1 from r)),
        w as (delete from inngest_waits where run_id = ${runId} and exists (select 1 from r))
        select * from r`,
  );
  if (!run) return;
  if (run.parent_run_id && run.parent_step_id && end.status !== "cancelled") {
    const result: StepResult =
      end.status === "completed" ? { type: "data", data: end.output ?? null } : { type: "error", error: end.error };
    await resolveStep(tx, run.parent_run_id, run.parent_step_id, result, now);
  }
  if (end.status === "failed") {
    // What Inngest emits on final failure; the SDK registers onFailure handlers as functions triggered by it.
    await ingestInTx(
      tx,
      [
        {
          name: "inngest/function.failed",
          // organizationId keeps the failure event (and the onFailure run it starts) visible to the run's organization.
          data: {
            function_id: run.function_id,
            run_id: runId,
            error: end.error,
            event: run.event,
            ...(run.organization_id ? { organizationId: run.organization_id } : {}),
          },
        },
      ],
      now,
    );
  }
}

function pgArray(values: (string | number)[]): string {
  return `{${values.map((v) => (typeof v === "number" ? String(v) : `"${v.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}
