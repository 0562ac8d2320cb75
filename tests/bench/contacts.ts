/**
 * `npm run bench:contacts`: the contacts page's hot paths at scale, on a throwaway PostgreSQL database.
 * 1. Import: a generated CSV of BENCH_IMPORT_ROWS rows (semicolons, names, numbers written the way people type them,
 *    a custom field, ~1% bad numbers) through the import's batch function — the same code the durable function's
 *    steps run — printing progress per batch. Goal ≤ 30 s for 100,000 rows.
 * 2. With BENCH_CONTACTS contacts in one organization among 100 (seeded with generate_series): p50/p95 of the first
 *    list page (three sorts), a search through the trigram index, and a segment count. Goals p95 ≤ 50 ms for
 *    list/search, ≤ 200 ms for the count. Reports; asserts nothing.
 *
 *   BENCH_IMPORT_ROWS (100000)  BENCH_CONTACTS (1000000)  BENCH_ITERATIONS (100)
 *   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): the server a throwaway database is created on.
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contactImports } from "@/db/schema";
import { countContacts } from "@/lib/contacts/count-contacts";
import { IMPORT_BATCH_ROWS, importBatch } from "@/lib/contacts/import/import-batch";
import { listContacts } from "@/lib/contacts/list-contacts";
import { createTestDatabase } from "@/tests/support/test-database";

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const ORGS = 100;
const SMALL = 1000;
const n = (v: number) => sql.raw(String(Math.trunc(v)));

process.env.DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";

async function exec(query: ReturnType<typeof sql>) {
  const res = await getDb().execute(query);
  return (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[];
}

function csv(rows: number): Uint8Array {
  const cities = ["Recife", "Olinda", "São Paulo", "Rio de Janeiro", "Natal"];
  const lines = ["Nome;Telefone;Cidade;Aceite"];
  for (let i = 0; i < rows; i++) {
    const sub = String(10_000_000 + i).slice(-8);
    const phone = i % 100 === 99 ? "12345" : i % 3 === 0 ? `(11) 9${sub.slice(0, 4)}-${sub.slice(4)}` : `+55 21 9${sub}`;
    lines.push(`Pessoa ${i};${phone};${cities[i % cities.length]};${i % 2 ? "sim" : "não"}`);
  }
  return new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`);
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95) };
}

async function measure(label: string, goal: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const { p50, p95 } = stats(samples);
  console.log(`  ${label.padEnd(46)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms  (goal ${goal} ms${p95 <= goal ? ", met" : ", NOT met"})`);
}

async function main() {
  const db = await createTestDatabase();
  try {
    await exec(sql`insert into organizations (name, slug) select 'Org ' || g, 'bench-' || g from generate_series(1, ${n(ORGS)}) g`);
    await exec(sql`insert into channels (organization_id, name, provider, display_phone_number, phone_number_id, waba_id, verify_token)
      select id, 'Main', 'sandbox', '+5511900000000', 'pn-' || slug, 'waba-' || slug, 'v' from organizations`);
    const [importOrg] = await exec(sql`select o.id, c.id as channel_id from organizations o join channels c on c.organization_id = o.id where o.slug = 'bench-2'`);
    await exec(sql`insert into contact_custom_fields (organization_id, key, label, type) values (${importOrg.id}, 'city', 'City', 'text')`);

    // 1. Import.
    const bytes = csv(IMPORT_ROWS);
    console.log(`import: ${IMPORT_ROWS} rows, ${(bytes.byteLength / 1e6).toFixed(1)} MB`);
    const [job] = await getDb()
      .insert(contactImports)
      .values({
        organizationId: importOrg.id as string,
        channelId: importOrg.channel_id as string,
        fileName: "bench.csv",
        fileHash: createHash("sha256").update(bytes).digest("hex"),
        content: bytes,
        encoding: "utf-8",
        delimiter: ";",
        totalRows: IMPORT_ROWS,
        options: { mapping: { "0": "name", "1": "phone", "2": "field:city", "3": "consent" }, duplicates: "fill", tagIds: [], defaultCountry: "BR" },
      })
      .returning({ id: contactImports.id });
    const started = performance.now();
    for (let start = 0; start < IMPORT_ROWS; start += IMPORT_BATCH_ROWS) {
      const done = await importBatch(job.id, start);
      if (done && (done.processed % (IMPORT_BATCH_ROWS * 10) === 0 || done.processed === done.total)) {
        console.log(`  ${String(done.processed).padStart(7)} / ${done.total} rows  ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const [result] = await exec(sql`select created_count, updated_count, error_count from contact_imports where id = ${job.id}`);
    console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    console.log(`  import: ${seconds.toFixed(1)} s (goal 30 s${seconds <= 30 ? ", met" : ", NOT met"}); created ${result.created_count}, merged ${result.updated_count}, failed ${result.error_count}`);

    // 2. One big organization among 100.
    console.log(`\nseeding ${CONTACTS} contacts in one organization, ${SMALL} in each of the ${ORGS - 1} others…`);
    const seedStart = performance.now();
    await exec(sql`insert into contacts (organization_id, channel_id, wa_id, phone_e164, name, attributes, opt_in, created_at, last_inbound_at)
      select o.id, c.id, (5511000000000 + g)::text, '+' || (5511000000000 + g)::text, 'Cliente ' || md5(g::text),
        jsonb_build_object('city', (array['Recife','Olinda','Natal','Salvador'])[1 + g % 4], 'plan', case when g % 10 = 0 then 'gold' else 'basic' end),
        (array['unknown','opted_in','opted_out'])[1 + g % 3]::contact_opt_in, now() - (g || ' seconds')::interval,
        case when g % 5 = 0 then null else now() - ((g % 100000) || ' minutes')::interval end
      from organizations o join channels c on c.organization_id = o.id, generate_series(1, ${n(CONTACTS)}) g where o.slug = 'bench-1'`);
    await exec(sql`insert into contacts (organization_id, channel_id, wa_id, phone_e164, name)
      select o.id, c.id, (5521000000000 + row_number() over ())::text, '+' || (5521000000000 + row_number() over ())::text, 'Outro ' || g
      from organizations o join channels c on c.organization_id = o.id, generate_series(1, ${n(SMALL)}) g where o.slug not in ('bench-1', 'bench-2')`);
    await exec(sql`analyze`);
    console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const [big] = await exec(sql`select id from organizations where slug = 'bench-1'`);
    const organizationId = big.id as string;
    const [someone] = await exec(sql`select name from contacts where organization_id = ${organizationId} order by created_at limit 1 offset ${n(Math.min(12345, CONTACTS - 1))}`);
    const segmentFilter = { consent: ["opted_in" as const], fields: [{ key: "plan", op: "eq" as const, value: "gold" }] };

    console.log(`\n${ITERATIONS} runs each (lib functions, as the route handlers call them):`);
    await measure("list: first page, newest first", 50, () => listContacts({ organizationId, filter: {} }));
    await measure("list: first page, by name", 50, () => listContacts({ organizationId, filter: {}, sort: "name", direction: "asc" }));
    await measure("list: first page, by last message", 50, () => listContacts({ organizationId, filter: {}, sort: "lastMessage" }));
    await measure("search: one contact by name fragment", 50, () => listContacts({ organizationId, filter: { q: String(someone.name).slice(8, 20) } }));
    await measure("search: number digits", 50, () => listContacts({ organizationId, filter: { q: "11000123456" } }));
    await measure("segment count: opted in + plan gold", 200, () => countContacts(organizationId, segmentFilter));
    await measure("segment count: opted in only", 200, () => countContacts(organizationId, { consent: ["opted_in"] }));
    const [{ count }] = [{ count: await countContacts(organizationId, segmentFilter) }];
    console.log(`  (segment size ${count}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")})`);
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
