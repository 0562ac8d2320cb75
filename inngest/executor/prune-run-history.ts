import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { query } from "./db";

export type PruneResult = { runs: number; steps: number; events: number; other: number; complete: boolean };

const DAY_MS = 86_400_000;

/**
 * Deletes the executor's history older than `retentionDays` before `now` (the executor's clock, ms): finished runs
 * (completed, failed, cancelled) with their steps and waits, events, expired idempotency keys and old cron ticks.
 * Running runs are never touched, however old. Events are not needed by runs (a run keeps its own copy); an event
 * id re-sent after its event was pruned triggers again, so deduplication lasts as long as the retention.
 *
 * Never blocks the queue: each batch is one short statement on its own (no long transaction), takes rows FOR
 * UPDATE SKIP LOCKED so it steps around anything being worked on, and walks an index from the oldest row. At most
 * `maxBatches` per table per call: a large backlog is worked off over several scheduled runs.
 */
export async function pruneRunHistory(opts: { retentionDays: number; now: number; batchSize?: number; maxBatches?: number }): Promise<PruneResult> {
  const batch = opts.batchSize ?? 500;
  const maxBatches = opts.maxBatches ?? 100;
  const cutoff = opts.now - opts.retentionDays * DAY_MS;
  const result: PruneResult = { runs: 0, steps: 0, events: 0, other: 0, complete: true };

  const drain = async (statement: SQL, add: (row: Record<string, number>) => number) => {
    for (let i = 0; i < maxBatches; i++) {
      const [row] = await query<Record<string, number>>(getDb(), statement);
      if (add(row) < batch) return;
    }
    result.complete = false;
  };

  await drain(
    sql`with doomed as (
          select id from inngest_runs where ended_at < ${cutoff} and status <> 'running'
          order by ended_at limit ${batch} for update skip locked),
        gone_steps as (delete from inngest_steps s using doomed d where s.run_id = d.id returning 1),
        gone_waits as (delete from inngest_waits w using doomed d where w.run_id = d.id returning 1),
        gone_runs as (delete from inngest_runs r using doomed d where r.id = d.id returning 1)
        select (select count(*) from gone_runs)::int as runs, (select count(*) from gone_steps)::int as steps,
               (select count(*) from gone_waits)::int as waits`,
    (r) => {
      result.runs += Number(r.runs);
      result.steps += Number(r.steps);
      result.other += Number(r.waits);
      return Number(r.runs);
    },
  );
  await drain(
    sql`with doomed as (
          select id from inngest_events where received_at < to_timestamp(${cutoff}::bigint / 1000.0)
          order by received_at limit ${batch} for update skip locked),
        gone as (delete from inngest_events e using doomed d where e.id = d.id returning 1)
        select count(*)::int as n from gone`,
    (r) => ((result.events += Number(r.n)), Number(r.n)),
  );
  await drain(
    sql`with doomed as (
          select function_id, key from inngest_idempotency where expires_at < ${opts.now} limit ${batch} for update skip locked),
        gone as (delete from inngest_idempotency i using doomed d where i.function_id = d.function_id and i.key = d.key returning 1)
        select count(*)::int as n from gone`,
    (r) => ((result.other += Number(r.n)), Number(r.n)),
  );
  await drain(
    sql`with doomed as (
          select function_id, tick from inngest_cron_ticks where tick < ${cutoff} limit ${batch} for update skip locked),
        gone as (delete from inngest_cron_ticks t using doomed d where t.function_id = d.function_id and t.tick = d.tick returning 1)
        select count(*)::int as n from gone`,
    (r) => ((result.other += Number(r.n)), Number(r.n)),
  );
  return result;
}
