import { sql } from "drizzle-orm";
import type { StepResult } from "@/db/schema";
import type { Tx } from "@/db";
import { query, withTx } from "./db";

export type QueueItem = {
  id: number;
  runId: string;
  kind: "call" | "resolve";
  stepId: string | null;
  result: StepResult | null;
  attempt: number;
};

type Throttle = { key: string; limit: number; periodMs: number };

type Row = {
  id: number;
  run_id: string;
  kind: "call" | "resolve";
  step_id: string | null;
  result: StepResult | null;
  attempt: number;
  concurrency_keys: string[];
  concurrency_limits: number[];
  throttle: Throttle | null;
  /** Leased by the selecting statement itself: the item has no flow control, nothing left to check. */
  leased: boolean;
  /** The organization ('' for system runs). */
  grp: string;
};

/**
 * The group each worker served last: the next claim starts its turn with the group after it, so groups take turns
 * even when a claim takes a single item.
 */
const lastServed = new Map<string, string>();

/**
 * Claims up to `limit` due items in one transaction. FOR UPDATE SKIP LOCKED lets several processes claim side
 * by side; flow control is checked inside the same transaction under a per-key advisory lock, so two processes
 * can never both take the last concurrency slot of a key or the last throttle slot of a period.
 *
 * Fairness: candidates are taken in turns across organizations (system runs are one more group): the first due
 * item of every organization, then the second of every organization, and so on. One tenant's 10,000 queued sends
 * then cost another tenant's reply one turn, not 10,000. Within an organization items keep their run's creation
 * order, so the runs of one concurrency key (a conversation, a channel) still go one after the other, in order.
 *
 * Statements: items without flow control are leased by the selecting statement itself, so a batch of them costs
 * BEGIN, one statement, COMMIT. Keyed items add the advisory locks, one recount, one lease update, and for
 * throttled first calls one read of the recent starts plus one update each for deferred and started runs.
 */
export async function claimItems(opts: { limit: number; now: number; workerId: string; leaseMs: number }): Promise<QueueItem[]> {
  const { limit, now, workerId } = opts;
  const real = Date.now();
  const leasedUntil = real + opts.leaseMs;
  return withTx(async (tx) => {
    const after = lastServed.get(workerId) ?? "";
    const rows = await query<Row>(tx, candidates({ limit, now, real, workerId, leasedUntil, after }));
    if (rows.length === 0) return [];
    const served = (items: Row[]) => {
      if (items.length > 0) lastServed.set(workerId, items[items.length - 1].grp);
      return items.map(toItem);
    };
    const leased = rows.filter((r) => r.leased);
    const keyed = rows.filter((r) => !r.leased && (r.concurrency_keys.length > 0 || r.throttle));
    if (keyed.length === 0 || leased.length >= limit) return served(leased);

    const keys = [...new Set(keyed.flatMap((r) => [...r.concurrency_keys, ...(r.throttle ? [`throttle:${r.throttle.key}`] : [])]))].sort();
    // Sorted, so two claimers never wait on each other's locks in opposite orders. One statement for all keys
    // (unnest yields the array in order): with a key per customer, a claim can touch dozens of keys.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${pgTextArray(keys)}::text[]) as k`);

    // In-flight counts for every key of the candidates, recounted under the locks, in one query.
    const concurrencyKeys = [...new Set(keyed.flatMap((r) => r.concurrency_keys))];
    const running = new Map<string, number>(concurrencyKeys.map((k) => [k, 0]));
    if (concurrencyKeys.length) {
      const counted = await query<{ k: string; n: number }>(
        tx,
        sql`select k, count(*)::int as n from inngest_queue q, unnest(q.concurrency_keys) as k
            where q.leased_until >= ${real} and k = any(${pgTextArray(concurrencyKeys)}::text[]) group by k`,
      );
      for (const c of counted) running.set(c.k, Number(c.n));
    }
    const throttle = await ThrottleWindow.load(tx, keyed, now);
    const picked: Row[] = [];
    for (const r of keyed) {
      if (leased.length + picked.length >= limit) break;
      if (r.concurrency_keys.some((key, i) => running.get(key)! >= r.concurrency_limits[i])) continue;
      if (r.throttle && !throttle.admit(r)) continue;
      for (const key of r.concurrency_keys) running.set(key, running.get(key)! + 1);
      picked.push(r);
    }
    await throttle.save(tx);
    if (picked.length > 0) {
      // A throttle counts a run's first call only: once claimed, the item no longer carries it.
      await tx.execute(sql`update inngest_queue set leased_by = ${workerId}, leased_until = ${leasedUntil}, throttle = null
          where id = any(${`{${picked.map((c) => c.id).join(",")}}`}::bigint[])`);
    }
    const order = new Map(rows.map((r, i) => [r.id, i]));
    return served([...leased, ...picked].sort((a, b) => order.get(a.id)! - order.get(b.id)!));
  });
}

/**
 * Due, unleased items whose concurrency keys are not already full, in fair order (see claimItems), locked FOR
 * UPDATE SKIP LOCKED. Among the first `limit` of them, those without flow control are leased in the same
 * statement.
 *
 * The organizations are found by a loose index scan (one index probe per organization with queued items) and each
 * contributes at most 4 × `limit` items through the (organization_id, priority, id) index (head room for items of
 * the same concurrency key, of which only the first fits), so claiming costs the same with ten or ten thousand
 * items queued behind one tenant.
 */
function candidates(p: { limit: number; now: number; real: number; workerId: string; leasedUntil: number; after: string }) {
  const { limit, now, real } = p;
  const claimable = (q: string) =>
    sql.raw(`${q}.run_at <= ${Number(now)} and (${q}.leased_until is null or ${q}.leased_until < ${Number(real)})
      and not exists (
        select 1 from unnest(${q}.concurrency_keys, ${q}.concurrency_limits) as c(k, lim)
        join in_flight f on f.k = c.k
        where f.n >= c.lim)`);
  return sql`with recursive
      -- In-flight counts per key are computed once (materialized: only leased items, via the partial index), not
      -- per candidate: with thousands of items queued behind one full key, a per-candidate count scanned the
      -- whole queue for each of them and claiming stalled.
      in_flight as materialized (
        select k, count(*) as n from inngest_queue r, unnest(r.concurrency_keys) as k
        where r.leased_until is not null and r.leased_until >= ${real}
        group by k),
      orgs as (
        (select organization_id as org from inngest_queue where organization_id is not null order by organization_id limit 1)
        union all
        select (select q.organization_id from inngest_queue q where q.organization_id > o.org order by q.organization_id limit 1)
        from orgs o where o.org is not null),
      -- Each group's first items, locked here so items another claimer holds do not use up the group's share.
      -- Ordered by the full (organization_id, priority, id) index so the planner walks it, not the global order.
      heads as (
        select h.* from orgs o cross join lateral (
          select q.id, q.run_id, q.kind, q.step_id, q.result, q.attempt, q.concurrency_keys, q.concurrency_limits,
                 q.throttle, q.organization_id, q.priority
          from inngest_queue q
          where q.organization_id = o.org and ${claimable("q")}
          order by q.organization_id, q.priority, q.id limit ${limit * 4}
          for update of q skip locked) h
        where o.org is not null),
      system_heads as (
        select q.id, q.run_id, q.kind, q.step_id, q.result, q.attempt, q.concurrency_keys, q.concurrency_limits,
               q.throttle, q.organization_id, q.priority
        from inngest_queue q
        where q.organization_id is null and ${claimable("q")}
        order by q.organization_id, q.priority, q.id limit ${limit * 4}
        for update of q skip locked),
      -- Within a turn, groups go in id order starting after the one this worker served last ('' = system runs).
      c as (
        select * from (
          select a.*, coalesce(a.organization_id::text, '') as grp,
                 row_number() over (partition by organization_id order by priority, id) as turn
          from (select * from heads union all select * from system_heads) a) t
        order by turn, grp <= ${p.after}, grp, priority, id
        limit ${limit * 4}),
      free as (
        select id from (select id, concurrency_keys, throttle from c order by turn, grp <= ${p.after}, grp, priority, id limit ${limit}) f
        where cardinality(f.concurrency_keys) = 0 and f.throttle is null),
      leased as (
        update inngest_queue q set leased_by = ${p.workerId}, leased_until = ${p.leasedUntil}
        from free where q.id = free.id returning q.id)
    select c.id, c.run_id, c.kind, c.step_id, c.result, c.attempt, c.concurrency_keys, c.concurrency_limits, c.throttle,
           c.grp, (l.id is not null) as leased
    from c left join leased l on l.id = c.id
    order by c.turn, c.grp <= ${p.after}, c.grp, c.priority, c.id`;
}

/**
 * Throttle: at most `limit` run starts per `period` per key. A start over the limit is not dropped but moved to
 * when the oldest start in the window leaves it. Counting committed rows is safe: we hold the keys' locks. The
 * recent starts of every key are read in one query and the decisions written back in two statements.
 */
class ThrottleWindow {
  private deferred = new Map<number, number>();
  private started: { runId: string; key: string }[] = [];

  private constructor(
    private starts: Map<string, number[]>,
    private now: number,
  ) {}

  static async load(tx: Tx, rows: Row[], now: number): Promise<ThrottleWindow> {
    const throttles = rows.flatMap((r) => (r.throttle ? [r.throttle] : []));
    const starts = new Map<string, number[]>(throttles.map((t) => [t.key, []]));
    if (throttles.length > 0) {
      const since = now - Math.max(...throttles.map((t) => t.periodMs));
      const recent = await query<{ throttle_key: string; started_at: number }>(
        tx,
        sql`select throttle_key, started_at from inngest_runs
            where throttle_key = any(${pgTextArray([...starts.keys()])}::text[]) and started_at > ${since} order by started_at`,
      );
      for (const s of recent) starts.get(s.throttle_key)!.push(Number(s.started_at));
    }
    return new ThrottleWindow(starts, now);
  }

  /** Admits the run's start (counted from now on) or defers its item to when a slot frees. */
  admit(r: Row): boolean {
    const t = r.throttle!;
    const inWindow = this.starts.get(t.key)!.filter((s) => s > this.now - t.periodMs);
    if (inWindow.length >= t.limit) {
      this.deferred.set(r.id, inWindow[inWindow.length - t.limit] + t.periodMs);
      return false;
    }
    this.starts.get(t.key)!.push(this.now);
    this.started.push({ runId: r.run_id, key: t.key });
    return true;
  }

  async save(tx: Tx) {
    if (this.deferred.size > 0) {
      const ids = [...this.deferred.keys()];
      await tx.execute(sql`update inngest_queue q set run_at = d.run_at
          from unnest(${`{${ids.join(",")}}`}::bigint[], ${`{${ids.map((id) => this.deferred.get(id)).join(",")}}`}::bigint[]) as d(id, run_at)
          where q.id = d.id`);
    }
    if (this.started.length > 0) {
      await tx.execute(sql`update inngest_runs r set throttle_key = s.key, started_at = ${this.now}
          from unnest(${pgTextArray(this.started.map((s) => s.runId))}::text[], ${pgTextArray(this.started.map((s) => s.key))}::text[]) as s(id, key)
          where r.id = s.id`);
    }
  }
}

function toItem(r: Row): QueueItem {
  return { id: Number(r.id), runId: r.run_id, kind: r.kind, stepId: r.step_id, result: r.result, attempt: r.attempt };
}

function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
