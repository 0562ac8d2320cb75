/**
 * `npm run bench:spend`: the Spend dashboard at scale. On a fresh PostgreSQL database: 100 organizations and
 * BENCH_RECORDS cost records (default 5,000,000; the largest organization holds half of them, the 99 others share
 * the rest), spread over 365 days, 2 numbers per organization, 5 categories, 20 countries, 4 sender kinds and 4 charge
 * kinds. The records are generated with generate_series and folded into spend_daily exactly as the incremental rollup
 * (lib/spend/apply-spend-rollup.ts) keys them — the dashboard reads only that table, so the 5 M message_costs rows
 * themselves are not written here. Then p50/p95/max of the largest organization's 30-day dashboard
 * (getSpendSummary, the function the page and the route call: 7 queries) and of its CSV export. Reports; asserts
 * nothing.
 *
 *   BENCH_RECORDS (5000000)  BENCH_ITERATIONS (50)
 *   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): the server a throwaway database is created on.
 *   While the machine is shared, run it reduced: BENCH_RECORDS=500000 npm run bench:spend
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { getSpendSummary } from "@/lib/spend/get-spend-summary";
import { spendCsv } from "@/lib/spend/spend-csv";
import { createTestDatabase } from "@/tests/support/test-database";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 5_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const ORGS = 100;
const GOAL_MS = 200;
const n = (v: number) => sql.raw(String(Math.trunc(v)));

process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";

async function exec(query: ReturnType<typeof sql>) {
  const res = await getDb().execute(query);
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const db = await createTestDatabase();
  try {
    let t = performance.now();
    await exec(sql`insert into organizations (name, slug) select 'Org ' || g, 'bench-' || g from generate_series(1, ${n(ORGS)}) g`);
    // Record g: the largest organization (bench-1) takes the even ones, the others the odd ones round-robin.
    await exec(sql`
      insert into spend_daily (organization_id, day, channel_id, category, market, country, sender_kind, charge_kind, currency, messages, amount_micros, list_micros)
      select o.id, r.day, r.channel_id, r.category, r.market, r.country, r.sender_kind, r.charge_kind, 'USD',
             count(*), sum(case when r.charge_kind = 'paid' then r.price else 0 end), sum(r.price)
      from (
        select case when g % 2 = 0 then 'bench-1' else 'bench-' || (2 + (g / 2) % ${n(ORGS - 1)}) end as slug,
               (current_date - (g % 365))::date as day,
               ('00000000-0000-4000-8000-00000000000' || (g % 2))::uuid as channel_id,
               (array['marketing','utility','authentication','service','authentication_international'])[1 + g % 5] as category,
               'Market ' || (g % 20) as market, 'C' || (g % 20) as country,
               (array['member','bot','api','campaign'])[1 + (g / 7) % 4] as sender_kind,
               (array['paid','paid','free_customer_service','free_entry_point'])[1 + (g / 3) % 4] as charge_kind,
               (6800 + (g % 20) * 3000)::bigint as price
        from generate_series(1, ${n(RECORDS)}) g
      ) r join organizations o on o.slug = r.slug
      group by 1, 2, 3, 4, 5, 6, 7, 8`);
    await exec(sql`analyze spend_daily`);
    const [{ rows }] = await exec(sql`select count(*)::int as rows from spend_daily`);
    console.log(`seeded ${RECORDS.toLocaleString("en")} records into ${Number(rows).toLocaleString("en")} spend_daily rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const [{ id }] = await exec(sql`select id from organizations where slug = 'bench-1'`);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    const range = { from, to, granularity: "day" as const };
    const first = await getSpendSummary(String(id), range);
    console.log(`largest organization, 30 days: ${first.totals.messages.toLocaleString("en")} messages, ${first.series.length} days`);
    const summary: number[] = [];
    const csv: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      t = performance.now();
      await getSpendSummary(String(id), range);
      summary.push(performance.now() - t);
      if (i < 10) {
        t = performance.now();
        await spendCsv(String(id), range);
        csv.push(performance.now() - t);
      }
    }
    const line = (label: string, xs: number[]) =>
      console.log(`  ${label.padEnd(36)} p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`);
    line("30-day dashboard (getSpendSummary)", summary);
    line("30-day CSV export", csv);
    console.log(`  goal: dashboard p95 ≤ ${GOAL_MS} ms → ${pct(summary, 95) <= GOAL_MS ? "met" : "NOT met"}`);
  } finally {
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
