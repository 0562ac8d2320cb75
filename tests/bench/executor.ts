/**
 * `npm run bench:executor`: how fast the embedded executor accepts events and how soon a run's first step
 * executes, for 10,000 events sent as fast as possible, on Postgres (DATABASE_URL's server, or 127.0.0.1)
 * and on PGlite. Prints figures; asserts nothing.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { serve } from "inngest/node";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { resetMasterKeyForTests } from "@/lib/crypto/master-key";
import { startExecutor } from "@/inngest/executor";
import { createPostgresDatabase, dropPostgresDatabase } from "@/tests/support/test-database";
import { testClient } from "@/tests/support/executor/harness";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const BATCH = 100;
const PG = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function bench(driver: "postgres" | "pglite") {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "papo-bench-"));
  process.env.PAPO_DATA_DIR = dataDir;
  process.env.PAPO_SECRET ??= randomBytes(32).toString("base64");
  const url = driver === "postgres" ? await createPostgresDatabase(PG) : undefined;
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  resetEnvForTests();
  resetMasterKeyForTests();
  await migrateDatabase();

  const sentAt = new Float64Array(EVENTS);
  const firstStepAt = new Float64Array(EVENTS);
  let done = 0;
  let allDone: () => void;
  const finished = new Promise<void>((r) => (allDone = r));
  const client = testClient(`bench-${driver}`);
  const fn = client.createFunction({ id: "bench", triggers: [{ event: "bench/tick" }] }, async ({ event, step }) => {
    await step.run("first", () => {
      const i = (event.data as { i: number }).i;
      if (!firstStepAt[i]) {
        firstStepAt[i] = performance.now();
        if (++done === EVENTS) allDone();
      }
    });
  });
  const server = http.createServer(serve({ client, functions: [fn] }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const serveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const executor = await startExecutor({ serveUrl, maxInFlight: 32, pollMs: 50, log: () => {} });

  const t0 = performance.now();
  for (let start = 0; start < EVENTS; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(EVENTS, start + BATCH); i++) batch.push({ name: "bench/tick", data: { i } });
    const now = performance.now();
    for (let i = start; i < start + batch.length; i++) sentAt[i] = now;
    await client.send(batch);
  }
  const sendSeconds = (performance.now() - t0) / 1000;
  await finished;
  const totalSeconds = (performance.now() - t0) / 1000;

  const latencies = Array.from(firstStepAt, (t, i) => t - sentAt[i]).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(
    `${driver.padEnd(8)} accepted ${(EVENTS / sendSeconds).toFixed(0).padStart(6)} events/s` +
      ` | first steps done in ${totalSeconds.toFixed(1)} s (${(EVENTS / totalSeconds).toFixed(0)} runs/s)` +
      ` | event sent → first step p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms`,
  );

  await executor.stop();
  server.closeAllConnections();
  server.close();
  await closeDb();
  if (url) await dropPostgresDatabase(PG, url);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  console.log(`Embedded executor: ${EVENTS} events sent in batches of ${BATCH} via inngest.send(), one step.run per run`);
  const only = process.argv[2];
  if (!only || only === "postgres") await bench("postgres");
  if (!only || only === "pglite") await bench("pglite");
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
