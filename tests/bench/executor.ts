/**
 * `npm run bench:executor`: the embedded executor's throughput and latency, on PostgreSQL (DATABASE_URL's server, or
 * 127.0.0.1) and on PGlite. Prints one line per driver, starting with its name; asserts nothing.
 * - throughput: RUNS runs of a 3-step function (events sent in batches of 100 as fast as possible) → `N steps/s`;
 * - latency: events sent one by one at 100/s for a few seconds → event sent → first step p50/p99.
 * The executor calls the SDK the way Papo's server does (PAPO_EXECUTOR_CALLS, default in-process); BENCH_CALLS=http
 * measures the HTTP path. Also prints the executor's counters (SDK calls, SQL statements) per run.
 * Env: BENCH_RUNS (PostgreSQL, default 10,000), BENCH_PGLITE_RUNS (default 2,000), BENCH_LATENCY_SECONDS (default 5).
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { serve } from "inngest/node";
import { serve as serveFetch } from "inngest/next";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { resetMasterKeyForTests } from "@/lib/crypto/master-key";
import { startExecutor } from "@/inngest/executor";
import { createPostgresDatabase, dropPostgresDatabase } from "@/tests/support/test-database";
import { testClient } from "@/tests/support/executor/harness";

const BATCH = 100;
const STEPS = 3;
const PG = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CALLS = (process.env.BENCH_CALLS ?? "inprocess") as "inprocess" | "http";
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 5);
const RATE = 100;

async function loadCounters(): Promise<{ read: () => { sdkCalls: number; sqlStatements: number }; reset: () => void } | undefined> {
  try {
    const m = (await import("@/inngest/executor/counters")) as {
      readCounters: () => { sdkCalls: number; sqlStatements: number };
      resetCounters: () => void;
    };
    return { read: m.readCounters, reset: m.resetCounters };
  } catch {
    return undefined; // before the counters existed
  }
}

async function bench(driver: "postgres" | "pglite", runs: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "papo-bench-"));
  process.env.PAPO_DATA_DIR = dataDir;
  process.env.PAPO_SECRET ??= randomBytes(32).toString("base64");
  const url = driver === "postgres" ? await createPostgresDatabase(PG) : undefined;
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  resetEnvForTests();
  resetMasterKeyForTests();
  await migrateDatabase();

  const latencyEvents = LATENCY_SECONDS * RATE;
  const total = runs + latencyEvents;
  const sentAt = new Float64Array(total);
  const firstStepAt = new Float64Array(total);
  let finished = 0;
  let waiting: { n: number; resolve: () => void } | undefined;
  const client = testClient(`bench-${driver}`);
  const fn = client.createFunction({ id: "bench", triggers: [{ event: "bench/tick" }] }, async ({ event, step }) => {
    const i = (event.data as { i: number }).i;
    await step.run("first", () => {
      if (!firstStepAt[i]) firstStepAt[i] = performance.now();
    });
    await step.run("second", () => i);
    await step.run("third", () => {
      finished++;
      if (waiting && finished >= waiting.n) waiting.resolve();
    });
  });
  const until = (n: number) => new Promise<void>((resolve) => (finished >= n ? resolve() : (waiting = { n, resolve })));

  const server = http.createServer(serve({ client, functions: [fn] }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const serveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const handler = serveFetch({ client, functions: [fn] });
  const executor = await startExecutor({
    serveUrl,
    maxInFlight: 32,
    pollMs: 50,
    log: () => {},
    calls: CALLS,
    handler: (req: Request) => handler(req as never, undefined as never),
  } as Parameters<typeof startExecutor>[0]);
  const counters = await loadCounters();
  counters?.reset();

  // Throughput: every run's three steps.
  const t0 = performance.now();
  for (let start = 0; start < runs; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(runs, start + BATCH); i++) batch.push({ name: "bench/tick", data: { i } });
    await client.send(batch);
  }
  await until(runs);
  const seconds = (performance.now() - t0) / 1000;
  const load = os.loadavg()[0].toFixed(2);
  const c = counters?.read();

  // Latency: one event every 10 ms, each timed from its send to its first step.
  const l0 = performance.now();
  for (let k = 0; k < latencyEvents; k++) {
    const i = runs + k;
    const due = l0 + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt[i] = performance.now();
    void client.send({ name: "bench/tick", data: { i } });
  }
  await until(total);
  const latencies = Array.from(firstStepAt.subarray(runs), (t, k) => t - sentAt[runs + k]).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  console.log(
    `${driver} ${((runs * STEPS) / seconds).toFixed(0)} steps/s (${runs} runs × ${STEPS} steps in ${seconds.toFixed(1)} s,` +
      ` ${(runs / seconds).toFixed(0)} runs/s, calls ${CALLS}, load ${load})` +
      ` | event → first step at ${RATE} events/s: p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms` +
      (c ? ` | per run: ${(c.sdkCalls / runs).toFixed(2)} SDK calls, ${(c.sqlStatements / runs).toFixed(1)} SQL statements` : ""),
  );

  await executor.stop();
  server.closeAllConnections();
  server.close();
  await closeDb();
  if (url) await dropPostgresDatabase(PG, url);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  const only = process.argv[2];
  if (!only || only === "postgres") await bench("postgres", Number(process.env.BENCH_RUNS ?? 10_000));
  if (!only || only === "pglite") await bench("pglite", Number(process.env.BENCH_PGLITE_RUNS ?? 2_000));
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
