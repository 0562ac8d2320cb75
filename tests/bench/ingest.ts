/**
 * `npm run bench:ingest` (after `npm run build`): signed WhatsApp webhook POSTs against the production server
 * (server.ts over the build) on a fresh PostgreSQL database. Measures sustained POSTs/s and the time to Meta's
 * 200 (p50/p99/max) at a fixed number of keep-alive connections, then waits for processing and checks in the
 * database that every message landed exactly once, and that re-sent duplicates create no rows. Reports; asserts
 * nothing (exit code 1 only if the bench itself could not run or the exactly-once check failed).
 *
 * Layouts (BENCH_LAYOUTS, default "single,split"), one after the other on the same database, each on its own channel:
 *   single: one process does everything (PAPO_EXECUTOR=on);
 *   split:  a web process (PAPO_EXECUTOR=off) takes the POSTs, a worker process (PAPO_EXECUTOR=worker) works the
 *           queue, woken by NOTIFY: the layout the README recommends past one core.
 * In each, the worker runs while the POSTs arrive; "processing throughput" is webhooks / (first POST → last row
 * processed). Baseline: the same bodies POSTed first to /api/bench/webhook-baseline on the same web process, a bare
 * route handler that only checks the signature (enabled by PAPO_BENCH_BASELINE_SECRET): "ack vs bare Next
 * baseline" is Papo's acks/s as a percentage of it.
 *
 *   BENCH_REQUESTS (20000)  BENCH_CONCURRENCY (64)  BENCH_DUPLICATES (1000)  BENCH_PROCESS_TIMEOUT_S (900)
 *   DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres): the server a throwaway database is created on.
 */
import fs from "node:fs";
import os from "node:os";
import http from "node:http";
import { createHmac, randomBytes } from "node:crypto";
import postgres from "postgres";
import { createPostgresDatabase, dropPostgresDatabase } from "@/tests/support/test-database";
import { startServer, tempDataDir, testSecret, type RunningServer } from "@/tests/support/start-server";
import { signUpOwner } from "@/tests/support/http-client";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";

const N = Number(process.env.BENCH_REQUESTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const DUPLICATES = Math.min(N, Number(process.env.BENCH_DUPLICATES ?? 1_000));
const PROCESS_TIMEOUT_MS = Number(process.env.BENCH_PROCESS_TIMEOUT_S ?? 900) * 1000;
const BASE = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const APP_SECRET = "benchAppSecret0123456789abcdef";
const GOAL = { rps: 3_000, p99: 50, processing: 400, vsBaseline: 90 };
const LAYOUTS = (process.env.BENCH_LAYOUTS ?? "single,split").split(",").filter((l): l is Layout => l === "single" || l === "split");
type Layout = "single" | "split";

const digits = (n = 15) => Array.from(randomBytes(n), (b) => String(b % 10)).join("").replace(/^0/, "1");

function body(phoneNumberId: string, wamid: string, from: string, ts: number): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "104857392018274",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "5511955550123", phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: "Bench" }, wa_id: from }],
              messages: [{ from, id: wamid, timestamp: String(ts), type: "text", text: { body: `bench ${wamid}` } }],
            },
          },
        ],
      },
    ],
  });
}

type Fired = { latencies: Float64Array; seconds: number; statuses: Map<number, number>; errors: number };

/** POSTs every body once over `CONCURRENCY` keep-alive connections; latency = request start → full 200 response. */
async function fire(url: URL, bodies: string[]): Promise<Fired> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY, maxFreeSockets: CONCURRENCY });
  const latencies = new Float64Array(bodies.length);
  const statuses = new Map<number, number>();
  let errors = 0;
  let next = 0;
  const one = (b: string) =>
    new Promise<number>((resolve) => {
      const signature = `sha256=${createHmac("sha256", APP_SECRET).update(b).digest("hex")}`;
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(b), "x-hub-signature-256": signature } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(-1));
      req.end(b);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const start = performance.now();
        const status = await one(bodies[i]);
        latencies[i] = performance.now() - start;
        if (status < 0) errors++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { latencies, seconds, statuses, errors };
}

const pct = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Seconds until no webhook row of the channel is left `received`, or null if PROCESS_TIMEOUT_MS passed first. */
async function waitProcessed(sql: postgres.Sql, channelId: string, label: string): Promise<number | null> {
  const t0 = performance.now();
  let lastPrint = t0;
  for (;;) {
    const [r] = await sql<{ pending: number }[]>`select count(*)::int as pending from webhook_events where channel_id = ${channelId} and status = 'received'`;
    if (r.pending === 0) return (performance.now() - t0) / 1000;
    if (performance.now() - lastPrint >= 10_000) {
      console.log(`  … ${label}: ${r.pending} webhook rows still to process after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      lastPrint = performance.now();
    }
    if (performance.now() - t0 > PROCESS_TIMEOUT_MS) return null;
    await new Promise((res) => setTimeout(res, 500));
  }
}

async function counts(sql: postgres.Sql, channelId: string) {
  const [m] = await sql<{ rows: number; distinct: number }[]>`
    select count(*)::int as rows, count(distinct wa_message_id)::int as distinct from messages where channel_id = ${channelId} and direction = 'inbound'`;
  const w = await sql<{ status: string; n: number }[]>`select status, count(*)::int as n from webhook_events where channel_id = ${channelId} group by status order by status`;
  return { messages: m.rows, distinct: m.distinct, webhookRows: Object.fromEntries(w.map((x) => [x.status, x.n])) as Record<string, number> };
}

function row(label: string, value: string) {
  console.log(`│ ${label.padEnd(38)} │ ${value.padStart(26)} │`);
}

type Processes = { web: RunningServer; worker?: RunningServer };

async function startLayout(layout: Layout, env: Record<string, string>): Promise<Processes> {
  if (layout === "single") return { web: await startServer({ env: { ...env, PAPO_EXECUTOR: "on" } }) };
  const [web, worker] = await Promise.all([
    startServer({ env: { ...env, PAPO_EXECUTOR: "off" } }),
    startServer({ env: { ...env, PAPO_EXECUTOR: "worker" } }),
  ]);
  return { web, worker };
}

/** One layout: baseline POSTs, warm-up, the measured POSTs with the worker running, processing, duplicates. */
async function benchLayout(layout: Layout, sql: postgres.Sql, procs: Processes, graph: GraphMock): Promise<boolean> {
  const server = procs.web;
  for (let i = 0; ; i++) {
    const [f] = await sql<{ n: number }[]>`select count(*)::int as n from inngest_functions`;
    if (f.n > 0) break;
    if (i > 600) throw new Error("no executor registered the functions");
    await new Promise((res) => setTimeout(res, 100));
  }
  const owner = await signUpOwner(server.url, `Bench ${layout}`);
  const phoneNumberId = digits();
  // The channel's number is verified on creation (lib/channels/verify-channel-number.ts): register it with the mock.
  const number = { phoneNumberId, wabaId: digits(), accessToken: "EAAG-bench-access-token-00000000000" };
  graph.addPhoneNumber(number);
  const created = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, {
    provider: "cloud",
    name: `Bench ${layout}`,
    displayPhoneNumber: "+5511955550123",
    ...number,
    appSecret: APP_SECRET,
  });
  if (created.status !== 201) throw new Error(`creating the channel answered ${created.status}: ${JSON.stringify(created.body)}`);
  const channelId = created.body.channel.id;
  const url = new URL(`${server.url}/api/webhooks/whatsapp/${channelId}`);
  const baselineUrl = new URL(`${server.url}/api/bench/webhook-baseline`);

  const run = randomBytes(4).toString("hex");
  const senders = Array.from({ length: 200 }, () => `55119${digits(8)}`);
  const ts = Math.floor(Date.now() / 1000);
  const bodies = Array.from({ length: N }, (_, i) => body(phoneNumberId, `wamid.bench.${run}.${i}`, senders[i % senders.length], ts));

  // Warm-up (JIT, connection pools, first compiles of the routes): 200 requests each, not counted; processed first.
  const warm = Array.from({ length: 200 }, (_, i) => body(phoneNumberId, `wamid.warm.${run}.${i}`, senders[i % senders.length], ts));
  await fire(baselineUrl, warm);
  await fire(url, warm);
  await waitProcessed(sql, channelId, "warm-up");

  const baseline = await fire(baselineUrl, bodies);
  if ((baseline.statuses.get(200) ?? 0) !== N) throw new Error(`the baseline route answered ${JSON.stringify([...baseline.statuses])}`);
  const baselineRps = N / baseline.seconds;

  const loadBefore = os.loadavg()[0];
  const t0 = performance.now();
  const main = await fire(url, bodies);
  const loadAfter = os.loadavg()[0];
  const sorted = Float64Array.from(main.latencies).sort();
  const ok200 = main.statuses.get(200) ?? 0;
  console.log(`  ${layout}: ${N} POSTs answered in ${main.seconds.toFixed(1)} s; processing…`);
  const processedAfterPosts = await waitProcessed(sql, channelId, layout);
  const processSeconds = processedAfterPosts === null ? null : (performance.now() - t0) / 1000;
  const loadEnd = os.loadavg()[0];
  const first = await counts(sql, channelId);

  const dup = processSeconds === null ? undefined : await fire(url, bodies.slice(0, DUPLICATES));
  const dupSeconds = dup ? await waitProcessed(sql, channelId, "duplicates") : null;
  const after = dup && dupSeconds !== null ? await counts(sql, channelId) : undefined;

  const expected = N + warm.length;
  const exactlyOnce = processSeconds !== null && first.messages === expected && first.distinct === expected;
  const dupsIgnored = after !== undefined && after.messages === expected && after.distinct === expected;
  const rps = N / main.seconds;
  const p99 = pct(sorted, 99);
  const vsBaseline = (100 * rps) / baselineRps;
  const processing = processSeconds === null ? undefined : N / processSeconds;
  const title = layout === "single" ? "single process (web + executor)" : "web process + worker process";
  const line = "─".repeat(40);
  const line2 = "─".repeat(28);
  console.log(`${title}`);
  console.log(`┌${line}┬${line2}┐`);
  row("requests (unique wamids)", String(N));
  row("concurrency (keep-alive connections)", String(CONCURRENCY));
  row("answers", [...main.statuses].map(([st, n]) => `${st < 0 ? "error" : st}×${n}`).join(" "));
  row("sustained POSTs/s", `${rps.toFixed(0)} (goal ≥ ${GOAL.rps})`);
  row("bare Next baseline POSTs/s", `${baselineRps.toFixed(0)}`);
  row("ack vs bare Next baseline", `${vsBaseline.toFixed(0)} % (goal ≥ ${GOAL.vsBaseline} %)`);
  row("time to 200 p50", `${pct(sorted, 50).toFixed(1)} ms`);
  row("time to 200 p90", `${pct(sorted, 90).toFixed(1)} ms`);
  row("time to 200 p99", `${p99.toFixed(1)} ms (goal ≤ ${GOAL.p99})`);
  row("time to 200 max", `${sorted[sorted.length - 1].toFixed(1)} ms`);
  row("first POST → all processed", processSeconds === null ? `> ${PROCESS_TIMEOUT_MS / 1000} s: UNFINISHED` : `${processSeconds.toFixed(1)} s`);
  if (processing !== undefined) row("processing throughput", `${processing.toFixed(0)} webhooks/s (goal ≥ ${GOAL.processing})`);
  row("load avg (1 min) start / acked / done", `${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} / ${loadEnd.toFixed(1)} (${os.cpus().length} cores)`);
  row("messages stored / distinct wamids", `${first.messages} / ${first.distinct} (expect ${expected})`);
  row("webhook rows by status", Object.entries(first.webhookRows).map(([st, n]) => `${st} ${n}`).join(", "));
  if (dup) row(`${DUPLICATES} duplicate POSTs answered 200`, `${dup.statuses.get(200) ?? 0}`);
  row("after the duplicates: rows / distinct", after ? `${after.messages} / ${after.distinct}` : "not checked");
  row("exactly once", exactlyOnce && dupsIgnored ? "yes" : processSeconds === null ? "not verified (unfinished)" : "NO");
  console.log(`└${line}┴${line2}┘`);
  if (process.env.BENCH_VERBOSE) {
    console.log(`--- web server output (tail)\n${server.output().slice(-4000)}`);
    if (procs.worker) console.log(`--- worker output (tail)\n${procs.worker.output().slice(-8000)}`);
  }
  return exactlyOnce && dupsIgnored && ok200 === N;
}

async function main() {
  const distDir = process.env.PAPO_DIST_DIR || ".next";
  if (!fs.existsSync(`${distDir}/BUILD_ID`)) {
    console.error(`No production build in ${distDir}: run \`npm run build\` first (same PAPO_DIST_DIR), then \`npm run bench:ingest\`.`);
    process.exit(1);
  }
  console.log(`bench:ingest — ${N} signed webhook POSTs per layout (${LAYOUTS.join(", ")}), ${CONCURRENCY} keep-alive connections, ${DUPLICATES} duplicates; database server ${BASE.replace(/\/\/[^@]*@/, "//…@")}`);
  const dbUrl = await createPostgresDatabase(BASE);
  const dataDir = tempDataDir();
  const graph = await startGraphMock({ unref: true });
  const env = { DATABASE_URL: dbUrl, PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret(), PAPO_BENCH_BASELINE_SECRET: APP_SECRET, META_GRAPH_API_URL: graph.url };
  let procs: Processes | undefined;
  const stop = async () => {
    await Promise.all([procs?.web.stop(), procs?.worker?.stop()]);
    procs = undefined;
  };
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  const cleanup = async () => {
    await sql.end().catch(() => {});
    await stop();
    await dropPostgresDatabase(BASE, dbUrl).catch((e) => console.error("could not drop the bench database", e));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping the servers and dropping the bench database…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  let ok = true;
  console.log(`  bench database ${new URL(dbUrl).pathname.slice(1)} (dropped at the end)`);
  try {
    for (const layout of LAYOUTS) {
      procs = await startLayout(layout, env);
      if (!(await benchLayout(layout, sql, procs, graph))) ok = false;
      await stop();
    }
  } catch (err) {
    ok = false;
    console.error(err);
    if (procs) console.error(procs.web.output().slice(-3000));
    if (procs?.worker) console.error(procs.worker.output().slice(-3000));
  } finally {
    await cleanup();
  }
  process.exit(ok ? 0 : 1);
}

void main();
