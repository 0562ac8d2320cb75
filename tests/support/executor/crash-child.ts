/**
 * A Papo-like process for the crash test: serves one multi-step function and runs the executor. Phase 1 sends
 * the event and hangs inside step "two" (the parent kills it with SIGKILL there); phase 2 resumes the run. With
 * checkpointing, "one" and "two" run in the same SDK call: "one" survives the kill only because its checkpoint
 * was committed before the SDK went on.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { serve } from "inngest/node";
import { serve as serveFetch } from "inngest/next";
import { getDb } from "@/db";
import { startExecutor } from "@/inngest/executor";
import { query } from "@/inngest/executor/db";
import { testClient } from "./harness";

const phase = process.env.CRASH_PHASE;
const markers = process.env.CRASH_MARKERS!;
const mark = (name: string) => fs.appendFileSync(path.join(markers, `${name}.log`), `${process.pid}\n`);

const client = testClient("crash");
const multi = client.createFunction({ id: "multi", triggers: [{ event: "test/crash" }] }, async ({ step }) => {
  await step.run("one", () => mark("one"));
  await step.run("two", async () => {
    mark("two");
    if (phase === "1") await new Promise(() => {}); // killed here
  });
  await step.run("three", () => mark("three"));
  return "survived";
});

async function main() {
  const server = http.createServer(serve({ client, functions: [multi] }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const serveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  // PAPO_EXECUTOR_CALLS (inherited from the test) picks in-process calls to this handler or HTTP to the server.
  const handler = serveFetch({ client, functions: [multi] });
  await startExecutor({ serveUrl, leaseMs: 1500, pollMs: 50, log: () => {}, handler: (r) => handler(r as never, undefined as never) });
  if (phase === "1") {
    await client.send({ name: "test/crash", data: {} });
    return;
  }
  for (;;) {
    const runs = await query<{ status: string; output: unknown }>(getDb(), sql`select status, output from inngest_runs`);
    if (runs.length > 0 && runs.every((r) => r.status !== "running")) {
      process.stdout.write(`RESULT ${JSON.stringify(runs)}\n`);
      process.exit(0);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
