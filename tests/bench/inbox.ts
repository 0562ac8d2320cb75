/**
 * `npm run bench:inbox`: the inbox's two hot reads at scale. On a fresh PostgreSQL database: 100 organizations, one
 * of them with 100,000 conversations and 1,000,000 messages (the 99 others: 500 conversations and 2,500 messages
 * each), bulk-inserted with generate_series. Then p50/p95/max server time of the first page of the conversation
 * list (several filters), the filter counts, and the first page of a conversation's timeline — calling the same lib
 * functions the route handlers call. Search inside messages: one message in 5,000 says "fatura" (a rare word), every
 * message says "conversa", a quarter of the conversations have the note "Nota interna" (common words). Prints the
 * list query's plan and the message search's lookup plan. Reports; asserts nothing.
 *
 *   BENCH_CONVERSATIONS (100000)  BENCH_MESSAGES_PER_CONVERSATION (10)  BENCH_ITERATIONS (200)
 *   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): the server a throwaway database is created on.
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { countConversations } from "@/lib/inbox/count-conversations";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listTimeline } from "@/lib/inbox/list-timeline";
import { createTestDatabase } from "@/tests/support/test-database";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const PER_CONVERSATION = Number(process.env.BENCH_MESSAGES_PER_CONVERSATION ?? 10);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const ORGS = 100;
const SMALL = 500;
const AGENTS = 20;
const GOAL_P95 = 50;

/** A number inlined into SQL (generate_series needs integers, not text parameters). */
const n = (v: number) => sql.raw(String(Math.trunc(v)));

process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";

async function exec(query: ReturnType<typeof sql>) {
  const res = await getDb().execute(query);
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

async function timed(label: string, what: string) {
  const t = performance.now();
  return { done: () => console.log(`  ${label.padEnd(44)} ${((performance.now() - t) / 1000).toFixed(1)} s ${what}`) };
}

async function seed() {
  console.log("seeding…");
  let t = await timed("organizations, people, channels", "");
  await exec(sql`insert into organizations (name, slug) select 'Org ' || g, 'bench-' || g from generate_series(1, ${n(ORGS)}) g`);
  await exec(sql`insert into users (email, name, password_hash) select 'agent' || g || '@bench.test', 'Agent ' || g, 'x' from generate_series(1, ${n(AGENTS)}) g`);
  await exec(sql`insert into memberships (organization_id, user_id, role)
    select o.id, u.id, 'agent' from organizations o cross join users u where o.slug = 'bench-1'`);
  await exec(sql`insert into channels (organization_id, name, provider, display_phone_number, phone_number_id, waba_id, verify_token)
    select id, 'Main', 'sandbox', '+5511900000000', 'pn-' || slug, 'waba-' || slug, 'v' from organizations`);
  t.done();

  // Numbering tables (plain tables: the pool has several connections) so generate_series rows can be joined to real ids.
  await exec(sql`create table bench_orgs as select o.id as org_id, c.id as channel_id, row_number() over (order by o.slug = 'bench-1' desc, o.slug) as n
    from organizations o join channels c on c.organization_id = o.id`);
  await exec(sql`create table bench_agents as select user_id, row_number() over (order by user_id) - 1 as k from memberships`);

  t = await timed("contacts", "");
  await exec(sql`insert into contacts (organization_id, channel_id, wa_id, phone_e164, profile_name, name)
    select b.org_id, b.channel_id, (5511900000000 + b.n * 1000000 + g)::text, '+' || (5511900000000 + b.n * 1000000 + g)::text,
           'Cliente ' || g, case when g % 3 = 0 then 'Nome ' || g end
    from bench_orgs b, generate_series(1, case when b.n = 1 then ${n(CONVERSATIONS)} else ${n(SMALL)} end) g`);
  t.done();

  t = await timed("conversations", "");
  await exec(sql`insert into conversations (organization_id, channel_id, contact_id, status, assignee_id, owner, priority, last_message_at,
      window_expires_at, unread_count, last_message_preview, last_message_direction, closed_at)
    select c.organization_id, c.channel_id, c.id,
      (case when h % 10 < 2 then 'open' when h % 10 < 3 then 'pending' else 'closed' end)::conversation_status,
      (select user_id from bench_agents where k = h % ${n(AGENTS * 2)} and b.n = 1),
      (case when h % 7 = 0 then 'bot' else 'human' end)::conversation_owner,
      'normal',
      now() - (h % 7776000) * interval '1 second',
      now() - (h % 7776000) * interval '1 second' + interval '24 hours',
      case when h % 5 = 0 then h % 4 + 1 else 0 end,
      'Mensagem ' || h, 'inbound',
      case when h % 10 >= 3 then now() end
    from (select c.*, abs(hashtext(c.id::text)) as h from contacts c) c join bench_orgs b on b.org_id = c.organization_id`);
  t.done();

  t = await timed("messages", "");
  await exec(sql`insert into messages (organization_id, channel_id, conversation_id, direction, type, content, wa_message_id, status, sender, created_at)
    select cv.organization_id, cv.channel_id, cv.id,
      (case when g % 2 = 0 then 'inbound' else 'outbound' end)::message_direction, 'text',
      jsonb_build_object('type', 'text', 'text', jsonb_build_object('body', 'Mensagem número ' || g || ' da conversa'
        || case when abs(hashtext(cv.id::text || g)) % 5000 = 0 then ', segunda via da fatura' else '' end)),
      'wamid.' || cv.id || '.' || g,
      (case when g % 2 = 0 then 'received' else 'read' end)::message_status,
      (case when g % 2 = 0 then 'contact' else 'user' end)::message_sender,
      cv.last_message_at - (${n(PER_CONVERSATION)} - g) * interval '1 minute'
    from conversations cv join bench_orgs b on b.org_id = cv.organization_id,
      generate_series(1, case when b.n = 1 then ${n(PER_CONVERSATION)} else 5 end) g`);
  t.done();

  t = await timed("tags, events, analyze", "");
  await exec(sql`insert into tags (organization_id, name) select org_id, 'tag-' || g from bench_orgs, generate_series(1, 5) g`);
  await exec(sql`insert into conversation_tags (organization_id, conversation_id, tag_id)
    select cv.organization_id, cv.id, t.id from conversations cv join tags t on t.organization_id = cv.organization_id and t.name = 'tag-' || (abs(hashtext(cv.id::text)) % 50 + 1)`);
  await exec(sql`insert into conversation_events (organization_id, conversation_id, kind, body, created_at)
    select organization_id, id, 'note', 'Nota interna', last_message_at - interval '30 seconds' from conversations where abs(hashtext(id::text)) % 4 = 0`);
  await exec(sql`analyze`);
  t.done();
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

async function measure(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const { p50, p95, max } = stats(samples);
  console.log(`  ${label.padEnd(52)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   max ${max.toFixed(1).padStart(6)} ms ${p95 <= GOAL_P95 ? "" : "  (over the goal)"}`);
  return { label, p50, p95, max };
}

async function main() {
  const db = await createTestDatabase();
  try {
    await seed();
    const [big] = await exec(sql`select o.id, (select count(*)::int from conversations where organization_id = o.id) as conversations,
      (select count(*)::int from messages where organization_id = o.id) as messages from organizations o where slug = 'bench-1'`);
    const [totals] = await exec(sql`select (select count(*)::int from conversations) as conversations, (select count(*)::int from messages) as messages`);
    console.log(`\nbig organization: ${big.conversations} conversations, ${big.messages} messages; all ${ORGS} organizations: ${totals.conversations} conversations, ${totals.messages} messages`);
    const organizationId = big.id as string;
    const [agent] = await exec(sql`select user_id from memberships where organization_id = ${organizationId} limit 1`);
    const userId = agent.user_id as string;
    const [tag] = await exec(sql`select id from tags where organization_id = ${organizationId} limit 1`);
    const [busy] = await exec(sql`select id from conversations where organization_id = ${organizationId} order by last_message_at desc limit 1`);

    console.log(`\nfirst page (50) — ${ITERATIONS} runs each, server time (lib functions, same as the route handlers):`);
    const results = [
      await measure("list: open, all", () => listConversations({ organizationId, userId, filter: { status: "open", assignee: "all" } })),
      await measure("list: open, mine", () => listConversations({ organizationId, userId, filter: { status: "open", assignee: "mine" } })),
      await measure("list: open, unassigned", () => listConversations({ organizationId, userId, filter: { status: "open", assignee: "unassigned" } })),
      await measure("list: open, bot-owned", () => listConversations({ organizationId, userId, filter: { status: "open", owner: "bot" } })),
      await measure("list: open, tag", () => listConversations({ organizationId, userId, filter: { status: "open", tagId: tag.id as string } })),
      await measure("list: all statuses", () => listConversations({ organizationId, userId, filter: { status: "all" } })),
      await measure("list: search by phone digits (one match)", () => listConversations({ organizationId, userId, filter: { status: "all", q: "1000123" } })),
      await measure("list: search by name (every contact matches)", () => listConversations({ organizationId, userId, filter: { status: "all", q: "Cliente" } })),
      await measure("list: search, no match", () => listConversations({ organizationId, userId, filter: { status: "all", q: "zzzz" } })),
      await measure("list: search in messages, rare word (1 in 5,000)", () => listConversations({ organizationId, userId, filter: { status: "all", q: "fatura" } })),
      await measure("list: search in messages, in every message", () => listConversations({ organizationId, userId, filter: { status: "all", q: "conversa" } })),
      await measure("list: search in notes (1 in 4 conversations)", () => listConversations({ organizationId, userId, filter: { status: "all", q: "interna" } })),
      await measure("counts: search in messages, rare word", () => countConversations({ organizationId, userId, filter: { status: "open", q: "fatura" } })),
      await measure("counts: open (all/mine/unassigned/bot + unread)", () => countConversations({ organizationId, userId, filter: { status: "open" } })),
      await measure("timeline: first page of a conversation", () => listTimeline({ organizationId, conversationId: busy.id as string })),
    ];
    const page = await listConversations({ organizationId, userId, filter: { status: "open" } });
    await measure("list: open, second page (cursor)", () => listConversations({ organizationId, userId, filter: { status: "open" }, cursor: page.nextCursor! }));

    const plan = await exec(sql`explain (analyze, buffers off, costs off) select c.id from conversations c join contacts ct on ct.id = c.contact_id
      where c.organization_id = ${organizationId} and c.status = 'open' order by c.last_message_at desc, c.id desc limit 51`);
    console.log("\nplan of the default list (core of the query):");
    for (const row of plan) console.log("  " + Object.values(row)[0]);
    const searchPlan = await exec(sql`explain (analyze, buffers off, costs off) select conversation_id from messages
      where organization_id = ${organizationId} and papo_message_search_text(content) ilike '%fatura%' limit 1001`);
    console.log("\nplan of the message search's lookup (a rare word):");
    for (const row of searchPlan) console.log("  " + Object.values(row)[0]);
    const main = results.filter((r) => r.label === "list: open, all" || r.label === "list: open, mine" || r.label.startsWith("list: search") || r.label.startsWith("timeline"));
    console.log(`\ngoal p95 ≤ ${GOAL_P95} ms for the first list page (all, mine, every search) and the first timeline page: ${main.every((r) => r.p95 <= GOAL_P95) ? "met" : "NOT met"}`);
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
