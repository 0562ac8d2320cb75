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
 * The overview (lib/analytics/get-overview.ts: every query of the page a member lands on) is timed for the same
 * organization over the same 30 days, on BENCH_CONVERSATIONS conversations spread over the year (4 messages each —
 * customer, person, bot, customer —, a close, and a finished bot session every other one). Goal ≤ 300 ms in total.
 *
 *   BENCH_RECORDS (5000000)  BENCH_ITERATIONS (50)  BENCH_CONVERSATIONS (100000)
 *   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): the server a throwaway database is created on.
 *   While the machine is shared, run it reduced: BENCH_RECORDS=500000 npm run bench:spend
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { analyticsRange } from "@/lib/analytics/analytics-range";
import { getOverview } from "@/lib/analytics/get-overview";
import { getSpendSummary } from "@/lib/spend/get-spend-summary";
import { spendCsv } from "@/lib/spend/spend-csv";
import { createTestDatabase } from "@/tests/support/test-database";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 5_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const ORGS = 100;
const GOAL_MS = 200;
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const OVERVIEW_GOAL_MS = 300;
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

    t = performance.now();
    await seedConversations(String(id));
    console.log(`seeded ${CONVERSATIONS.toLocaleString("en")} conversations (${(CONVERSATIONS * 4).toLocaleString("en")} messages) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const aRange = analyticsRange({}, "America/Sao_Paulo");
    const o = await getOverview(String(id), aRange, { withSpend: true });
    console.log(`largest organization, overview 30 days: ${o.totals.opened.toLocaleString("en")} conversations opened, ${o.totals.messagesIn.toLocaleString("en")} messages in, spend ${o.totals.spendMicros}`);
    const overview: number[] = [];
    for (let i = 0; i < Math.min(ITERATIONS, 20); i++) {
      t = performance.now();
      await getOverview(String(id), aRange, { withSpend: true });
      overview.push(performance.now() - t);
    }
    line("30-day overview (getOverview, all queries)", overview);
    console.log(`  goal: overview p95 ≤ ${OVERVIEW_GOAL_MS} ms → ${pct(overview, 95) <= OVERVIEW_GOAL_MS ? "met" : "NOT met"}`);
  } finally {
    await db.drop();
  }
}

/** The largest organization's conversations, messages, closes and bot sessions (see the header). */
async function seedConversations(org: string) {
  const [{ id: userId }] = await exec(sql`insert into users (email, name, password_hash) values ('bench@example.test', 'Bench', 'x') returning id`);
  const [{ id: channelId }] = await exec(
    sql`insert into channels (organization_id, name, provider, display_phone_number, phone_number_id, waba_id) values (${org}, 'Bench', 'sandbox', '+5511900000000', 'bench-pn', 'bench-waba') returning id`,
  );
  const [{ id: flowId }] = await exec(sql`insert into flows (organization_id, name, status) values (${org}, 'Bench bot', 'active') returning id`);
  const [{ id: versionId }] = await exec(sql`insert into flow_versions (organization_id, flow_id, version, graph, published_at) values (${org}, ${flowId}, 1, '{"nodes":[],"edges":[]}', now()) returning id`);
  await exec(sql`insert into contacts (organization_id, channel_id, wa_id) select ${org}, ${channelId}, '5511' || g from generate_series(1, ${n(CONVERSATIONS)}) g`);
  await exec(sql`
    insert into conversations (organization_id, channel_id, contact_id, status, created_at)
    select ${org}, ${channelId}, c.id, 'closed', now() - (c.g % 365) * interval '1 day' - (c.g % 1440) * interval '1 minute'
    from (select id, row_number() over () as g from contacts where organization_id = ${org}) c`);
  await exec(sql`
    insert into messages (organization_id, channel_id, conversation_id, direction, type, content, status, sender, sender_user_id, created_at)
    select ${org}, ${channelId}, cv.id, d.direction::message_direction, 'text', '{}'::jsonb, d.status::message_status, d.sender::message_sender,
           case when d.sender = 'user' then ${userId}::uuid end, cv.created_at + d.k * ((extract(epoch from cv.created_at)::int % 600) + 30) * interval '1 second'
    from conversations cv
    cross join (values (0, 'inbound', 'received', 'contact'), (1, 'outbound', 'sent', 'user'), (2, 'outbound', 'sent', 'bot'), (3, 'inbound', 'received', 'contact')) d(k, direction, status, sender)
    where cv.organization_id = ${org}`);
  await exec(sql`
    insert into conversation_events (organization_id, conversation_id, kind, actor_user_id, data, created_at)
    select ${org}, id, 'status_changed', ${userId}, '{"from":"open","to":"closed"}'::jsonb, created_at + interval '1 hour'
    from conversations where organization_id = ${org}`);
  await exec(sql`
    insert into flow_sessions (organization_id, flow_id, flow_version_id, channel_id, conversation_id, contact_id, status, state, ended_at, created_at)
    select ${org}, ${flowId}, ${versionId}, ${channelId}, id, contact_id, 'completed',
           case when extract(epoch from created_at)::int % 4 = 0 then '{"endReason":"handoff"}'::jsonb else '{"endReason":"completed"}'::jsonb end,
           created_at + interval '5 minutes', created_at
    from conversations where organization_id = ${org} and extract(epoch from created_at)::int % 2 = 0`);
  await exec(sql`analyze`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
