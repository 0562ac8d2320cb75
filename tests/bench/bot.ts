/**
 * `npm run bench:bot` (after a build: PAPO_DIST_DIR=… npm run build): simulated customers each send one message
 * through the signed webhook route of the production server (server.ts over the build, executor on, a fresh
 * PostgreSQL database) to a published 5-node flow (two replies); Meta's Graph API is the mock. Two phases in one run:
 * 1. trickle — one customer every BENCH_INTERVAL_MS (500) on one connection: the latency from the webhook POST to
 *    the first Graph API call for that customer at the mock (p50 / p90 / p99 / max) on an otherwise idle server;
 * 2. burst — BENCH_CUSTOMERS at once over BENCH_CONCURRENCY connections: the time until every reply is out, the same
 *    latency under load, and that every customer got exactly the replies the flow defines (after a settle period).
 * Reports; asserts nothing (exit 1 only if the bench could not run or the replies were wrong).
 *
 *   BENCH_TRICKLE (40, 0 = skip)  BENCH_INTERVAL_MS (500)  BENCH_CUSTOMERS (1000, 0 = skip)  BENCH_CONCURRENCY (32)
 *   BENCH_TIMEOUT_S (600)  BENCH_SEND_RATE (1000): the channel's WHATSAPP_SEND_RATE_PER_SECOND — 1,000 customers ×
 *   2 replies within 10 s needs a number on Meta's higher throughput tiers (the default 80/s would take 25 s).
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

const N = Number(process.env.BENCH_CUSTOMERS ?? 1_000);
const TRICKLE = Number(process.env.BENCH_TRICKLE ?? 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 500);
const SEND_RATE = Number(process.env.BENCH_SEND_RATE ?? 1_000);
const BASE = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const APP_SECRET = "benchAppSecret0123456789abcdef";
const ACCESS_TOKEN = "EAAG-bench-access-token-00000000000";
const GOAL = { p50: 50, p99: 250 };

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join("");

/** The 5-node flow: start (any message) → greeting → set variable → condition → end. Two replies per customer. */
const node = (id: string, type: string, data: unknown) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle: string) => ({ id: `${source}-${target}`, source, target, sourceHandle });
const GRAPH = {
  nodes: [
    node("start", "start", { triggers: [{ kind: "any_message" }] }),
    node("hello", "send_message", { text: "Hello, {{contact.first_name}}!" }),
    node("set", "set_variable", { assignments: [{ id: "a", scope: "flow", name: "said", value: "{{system.last_input}}" }] }),
    node("check", "condition", { rules: [{ id: "bench", combinator: "and", comparisons: [{ id: "c", left: "said", operator: "starts_with", right: "bench" }] }] }),
    node("bye", "end", { message: "You said: {{said}}. Bye!" }),
  ],
  edges: [edge("start", "hello", "next"), edge("hello", "set", "next"), edge("set", "check", "next"), edge("check", "bye", "bench")],
};
const expectedReplies = (i: number) => ["Hello, Customer!", `You said: bench ${i}. Bye!`];

function webhookBody(phoneNumberId: string, from: string, i: number, ts: number): string {
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
              contacts: [{ profile: { name: `Customer ${i}` }, wa_id: from }],
              messages: [{ from, id: `wamid.bot.${from}`, timestamp: String(ts), type: "text", text: { body: `bench ${i}` } }],
            },
          },
        ],
      },
    ],
  });
}

/** POSTs each body once over `concurrency` keep-alive connections; returns the wall-clock start (ms) of each POST. */
async function fire(url: URL, bodies: string[], concurrency = CONCURRENCY, intervalMs = 0): Promise<{ started: number[]; statuses: Map<number, number> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const started = new Array<number>(bodies.length);
  const statuses = new Map<number, number>();
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
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        if (intervalMs > 0) await new Promise((r) => setTimeout(r, intervalMs));
        started[i] = Date.now();
        const status = await one(bodies[i]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  return { started, statuses };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const row = (label: string, value: string) => console.log(`│ ${label.padEnd(40)} │ ${value.padStart(30)} │`);

/** Texts the mock accepted, per recipient digits, in arrival order, with the time of the first call. */
function byRecipient(mock: GraphMock) {
  const first = new Map<string, number>();
  for (const c of mock.calls) {
    if (c.method !== "POST" || !c.path.endsWith("/messages")) continue;
    const to = String((c.body as { to?: string }).to ?? "").replace(/\D/g, "");
    if (!first.has(to)) first.set(to, c.at);
  }
  const texts = new Map<string, string[]>();
  for (const m of mock.messages) {
    const to = m.to.replace(/\D/g, "");
    texts.set(to, [...(texts.get(to) ?? []), (m.body as { text?: { body?: string } }).text?.body ?? `[${String(m.body.type)}]`]);
  }
  return { first, texts };
}

/** Polls the mock until every customer has both replies (true) or the timeout passes (false). */
async function waitForAll(mock: GraphMock, customers: string[], timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const { texts } = byRecipient(mock);
    if (customers.every((c) => (texts.get(c)?.length ?? 0) >= 2)) return true;
  }
  return false;
}

const latenciesOf = (customers: string[], started: number[], first: Map<string, number>) =>
  customers.map((c, i) => (first.has(c) ? first.get(c)! - started[i] : Number.NaN)).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);

async function main() {
  const distDir = process.env.PAPO_DIST_DIR || ".next";
  if (!fs.existsSync(`${distDir}/BUILD_ID`)) {
    console.error(`No production build in ${distDir}: build first (same PAPO_DIST_DIR), then \`npm run bench:bot\`.`);
    process.exit(1);
  }
  console.log(
    `bench:bot — trickle: ${TRICKLE} customers, one every ${INTERVAL_MS} ms; burst: ${N} customers at once over ${CONCURRENCY} connections; a published 5-node flow (2 replies); send rate ${SEND_RATE}/s per number; database server ${BASE.replace(/\/\/[^@]*@/, "//…@")}`,
  );
  const mock = await startGraphMock({ accessToken: ACCESS_TOKEN });
  const dbUrl = await createPostgresDatabase(BASE);
  const dataDir = tempDataDir();
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  let server: RunningServer | undefined;
  const cleanup = async () => {
    await sql.end().catch(() => {});
    await server?.stop();
    await mock.close();
    await dropPostgresDatabase(BASE, dbUrl).catch((e) => console.error("could not drop the bench database", e));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  let ok = true;
  try {
    server = await startServer({ env: { DATABASE_URL: dbUrl, PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret(), PAPO_EXECUTOR: "on", META_GRAPH_API_URL: mock.url, META_GRAPH_API_VERSION: "v24.0", WHATSAPP_SEND_RATE_PER_SECOND: String(SEND_RATE) } });
    const owner = await signUpOwner(server.url, "BotBench");
    const phoneNumberId = `1${digits(14)}`;
    const wabaId = `1${digits(14)}`;
    mock.addPhoneNumber({ phoneNumberId, wabaId, accessToken: ACCESS_TOKEN }); // the channel verifies with "Meta"
    const created = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, {
      provider: "cloud",
      name: "Bench",
      displayPhoneNumber: "+5511955550123",
      phoneNumberId,
      wabaId,
      accessToken: ACCESS_TOKEN,
      appSecret: APP_SECRET,
    });
    if (created.status !== 201) throw new Error(`creating the channel answered ${created.status}: ${JSON.stringify(created.body)}`);
    const channelId = created.body.channel.id;
    // The published flow, as publishing leaves it (draft v0 + immutable v1, flow active).
    const [{ organization_id: orgId }] = await sql<{ organization_id: string }[]>`select organization_id from channels where id = ${channelId}`;
    const [flow] = await sql<{ id: string }[]>`insert into flows (organization_id, name, status) values (${orgId}, 'Bench bot', 'active') returning id`;
    await sql`insert into flow_versions (organization_id, flow_id, version, graph) values (${orgId}, ${flow.id}, 0, ${sql.json(GRAPH as unknown as postgres.JSONValue)})`;
    const [v1] = await sql<{ id: string }[]>`insert into flow_versions (organization_id, flow_id, version, graph, published_at) values (${orgId}, ${flow.id}, 1, ${sql.json(GRAPH as unknown as postgres.JSONValue)}, now()) returning id`;
    await sql`update flows set published_version_id = ${v1.id} where id = ${flow.id}`;

    const url = new URL(`${server.url}/api/webhooks/whatsapp/${channelId}`);
    const ts = Math.floor(Date.now() / 1000);
    // Warm-up: 20 customers not counted (first compiles of the routes, pools, the function registry).
    const warm = Array.from({ length: 20 }, (_, i) => `5521${digits(9)}${i}`.slice(0, 13));
    await fire(url, warm.map((from, i) => webhookBody(phoneNumberId, from, i, ts)));
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const { texts } = byRecipient(mock);
      if (warm.every((w) => (texts.get(w)?.length ?? 0) >= 2)) break;
    }
    mock.reset();

    const line = "─".repeat(42);
    const line2 = "─".repeat(32);
    console.log(`┌${line}┬${line2}┐`);
    if (TRICKLE > 0) {
      // Phase 1: one customer every INTERVAL_MS on one connection — the latency of one customer on an idle server.
      const customers = Array.from({ length: TRICKLE }, (_, i) => `55118${String(i).padStart(4, "0")}${digits(4)}`);
      const { started } = await fire(url, customers.map((from, i) => webhookBody(phoneNumberId, from, i, ts)), 1, INTERVAL_MS);
      await waitForAll(mock, customers, TIMEOUT_MS);
      const { first } = byRecipient(mock);
      const latencies = latenciesOf(customers, started, first);
      row(`trickle: ${TRICKLE} customers, one per ${INTERVAL_MS} ms`, `${latencies.length} answered`);
      row("trickle: POST → first Graph call p50", `${pct(latencies, 50)} ms (goal ≤ ${GOAL.p50})`);
      row("trickle: POST → first Graph call p90", `${pct(latencies, 90)} ms`);
      row("trickle: POST → first Graph call p99", `${pct(latencies, 99)} ms (goal ≤ ${GOAL.p99})`);
      row("trickle: POST → first Graph call max", `${latencies.at(-1)} ms`);
      mock.reset();
    }
    if (N > 0) {
      // Phase 2: N customers at once.
      const customers = Array.from({ length: N }, (_, i) => `55119${String(i).padStart(4, "0")}${digits(4)}`);
      const loadBefore = os.loadavg()[0];
      const t0 = Date.now();
      const { started, statuses } = await fire(url, customers.map((from, i) => webhookBody(phoneNumberId, from, i, ts)));
      const postsSeconds = (Date.now() - t0) / 1000;
      const done = await waitForAll(mock, customers, TIMEOUT_MS);
      const allSeconds = (Date.now() - t0) / 1000;
      await new Promise((r) => setTimeout(r, 3_000)); // settle: anything extra would show up now
      const loadAfter = os.loadavg()[0];
      const { first, texts } = byRecipient(mock);
      const latencies = latenciesOf(customers, started, first);
      const wrong = customers.filter((c, i) => JSON.stringify([...(texts.get(c) ?? [])].sort()) !== JSON.stringify(expectedReplies(i).sort()));
      ok = done && wrong.length === 0;
      row("customers at once (one message each)", String(N));
      row("webhook answers", [...statuses].map(([s, n]) => `${s < 0 ? "error" : s}×${n}`).join(" "));
      row("all POSTs answered in", `${postsSeconds.toFixed(1)} s`);
      row("all replies at the mock after", done ? `${allSeconds.toFixed(1)} s (${(N / allSeconds).toFixed(0)} customers/s)` : `> ${TIMEOUT_MS / 1000} s: UNFINISHED`);
      row("burst: POST → first Graph call p50", `${pct(latencies, 50)} ms`);
      row("burst: POST → first Graph call p99", `${pct(latencies, 99)} ms`);
      row("customers with exactly the flow's replies", `${N - wrong.length} / ${N}`);
      row("load average (1 min) before / after", `${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} (${os.cpus().length} cores)`);
      if (wrong.length) console.log(`  e.g. ${wrong[0]}: ${JSON.stringify(texts.get(wrong[0]) ?? [])}`);
    }
    console.log(`└${line}┴${line2}┘`);
  } catch (err) {
    ok = false;
    console.error(err);
    if (server) console.error(server.output().slice(-3000));
  } finally {
    await cleanup();
  }
  process.exit(ok ? 0 : 1);
}

void main();
