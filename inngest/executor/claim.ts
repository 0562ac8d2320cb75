import { sql } from "drizzle-orm";
import type { StepResult } from "@/db/schema";
import { query, withTx } from "./db";

export type QueueItem = {
  id: number;
  runId: string;
  kind: "call" | "resolve";
  stepId: string | null;
  result: StepResult | null;
  attempt: number;
};

type Row = {
  id: number;
  run_id: string;
  kind: "call" | "resolve";
  step_id: string | null;
  result: StepResult | null;
  attempt: number;
  concurrency_keys: string[];
  concurrency_limits: number[];
  throttle: { key: string; limit: number; periodMs: number } | null;
};

/**
 * Claims up to `limit` due items in one transaction. FOR UPDATE SKIP LOCKED lets several processes claim side
 * by side; flow control is checked inside the same transaction under a per-key advisory lock, so two processes
 * can never both take the last concurrency slot of a key or the last throttle slot of a period.
 *
 * Concurrency counts in-flight calls (leased items), as Inngest counts executing steps. Items are ordered by
 * their run's creation, so with one slot per key the runs of a key go one after the other, in order.
 */
export async function claimItems(opts: { limit: number; now: number; workerId: string; leaseMs: number }): Promise<QueueItem[]> {
  const { limit, now, workerId } = opts;
  const real = Date.now();
  return withTx(async (tx) => {
    const rows = await query<Row>(
      tx,
      // In-flight counts per key are computed once (materialized: only leased items, via the partial index), not
      // per candidate: with thousands of items queued behind one full key, a per-candidate count scanned the
      // whole queue for each of them and claiming stalled.
      sql`with in_flight as materialized (
            select k, count(*) as n from inngest_queue r, unnest(r.concurrency_keys) as k
            where r.leased_until is not null and r.leased_until >= ${real}
            group by k)
          select q.id, q.run_id, q.kind, q.step_id, q.result, q.attempt, q.concurrency_keys, q.concurrency_limits, q.throttle
          from inngest_queue q
          where q.run_at <= ${now} and (q.leased_until is null or q.leased_until < ${real})
            and not exists (
              select 1 from unnest(q.concurrency_keys, q.concurrency_limits) as c(k, lim)
              join in_flight f on f.k = c.k
              where f.n >= c.lim)
          order by q.priority, q.id
          limit ${limit * 4}
          for update of q skip locked`,
    );
    if (rows.length === 0) return [];
    const keys = [...new Set(rows.flatMap((r) => [...r.concurrency_keys, ...(r.throttle ? [`throttle:${r.throttle.key}`] : [])]))].sort();
    // Sorted, so two claimers never wait on each other's locks in opposite orders. One statement for all keys
    // (unnest yields the array in order): with a key per customer, a claim can touch dozens of keys.
    if (keys.length) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${pgTextArray(keys)}::text[]) as k`);
    }

    // In-flight counts for every key of the candidates, recounted under the locks, in one query.
    const concurrencyKeys = [...new Set(rows.flatMap((r) => r.concurrency_keys))];
    const running = new Map<string, number>(concurrencyKeys.map((k) => [k, 0]));
    if (concurrencyKeys.length) {
      const counted = await query<{ k: string; n: number }>(
        tx,
        sql`select k, count(*)::int as n from inngest_queue q, unnest(q.concurrency_keys) as k
            where q.leased_until >= ${real} and k = any(${pgTextArray(concurrencyKeys)}::text[]) group by k`,
      );
      for (const c of counted) running.set(c.k, Number(c.n));
    }
    const runningOf = async (key: string) => running.get(key) ?? 0;
    const claimed: QueueItem[] = [];
    for (const r of rows) {
      if (claimed.length >= limit) break;
      let full = false;
      for (const [i, key] of r.concurrency_keys.entries()) if ((await runningOf(key)) >= r.concurrency_limits[i]) full = true;
      if (full) continue;
      if (r.throttle && !(await throttleAllows(tx, r, now))) continue;
      for (const key of r.concurrency_keys) running.set(key, running.get(key)! + 1);
      claimed.push({ id: Number(r.id), runId: r.run_id, kind: r.kind, stepId: r.step_id, result: r.result, attempt: r.attempt });
    }
    if (claimed.length > 0) {
      await tx.execute(sql`update inngest_queue set leased_by = ${workerId}, leased_until = ${real + opts.leaseMs}
          where id = any(${`{${claimed.map((c) => c.id).join(",")}}`}::bigint[])`);
    }
    return claimed;
  });
}

/**
 * Throttle: at most `limit` run starts per `period` per key. A start over the limit is not dropped but moved
 * to when the oldest start in the window leaves it. Counting committed rows is safe: we hold the key's lock.
 */
async function throttleAllows(tx: Parameters<Parameters<typeof withTx>[0]>[0], r: Row, now: number): Promise<boolean> {
  const t = r.throttle!;
  const starts = await query<{ started_at: number }>(
    tx,
    sql`select started_at from inngest_runs where throttle_key = ${t.key} and started_at > ${now - t.periodMs}
        order by started_at limit ${t.limit}`,
  );
  if (starts.length >= t.limit) {
    await tx.execute(sql`update inngest_queue set run_at = ${Number(starts[0].started_at) + t.periodMs} where id = ${r.id}`);
    return false;
  }
  await tx.execute(sql`update inngest_runs set throttle_key = ${t.key}, started_at = ${now} where id = ${r.run_id}`);
  await tx.execute(sql`update inngest_queue set throttle = null where id = ${r.id}`);
  return true;
}

function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
