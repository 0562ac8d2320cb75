import http from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { serve as serveFetch } from "inngest/next";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { inngestClientOptions } from "@/inngest/mode";
import { handleExecutorApi, ManualClock, startExecutor, type Executor, type ExecutorOptions } from "@/inngest/executor";
import { query } from "@/inngest/executor/db";

/** A client configured exactly like Papo's (embedded mode), with its own app id. */
export function testClient(id: string) {
  // Object.assign onto the options keeps their lazy getters; the SDK's error logs would only be noise here.
  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  return new Inngest(Object.assign(inngestClientOptions(id), { logger: quiet }));
}

export type Harness = {
  /** How the executor reaches the SDK: PAPO_EXECUTOR_CALLS unless the test says (the *.http.test.ts files). */
  calls: "inprocess" | "http";
  serveUrl: string;
  origin: string;
  clock: ManualClock;
  executor: Executor;
  startAnotherExecutor(opts?: Partial<ExecutorOptions>): Promise<Executor>;
  close(): Promise<void>;
};

/**
 * The SDK's real serve() handler on a real HTTP server (127.0.0.1, random port) plus the executor's endpoints,
 * and an executor driving it with a manual clock. Nothing is mocked between executor and SDK: with
 * PAPO_EXECUTOR_CALLS=http the executor POSTs to that server, with "inprocess" (the default) it hands the signed
 * request to the same functions' serve() handler (inngest/next, as /api/inngest mounts it) in this process.
 */
export async function startHarness(opts: {
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  executor?: Partial<ExecutorOptions>;
}): Promise<Harness> {
  const sdk = serve({ client: opts.client, functions: opts.functions });
  const fetchHandler = serveFetch({ client: opts.client, functions: opts.functions });
  const calls = opts.executor?.calls ?? env().PAPO_EXECUTOR_CALLS;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/api/inngest-executor/")) return void executorRoute(req, res);
    sdk(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serveUrl = `${origin}/api/inngest`;
  const clock = new ManualClock();
  const executors: Executor[] = [];
  const start = async (extra: Partial<ExecutorOptions> = {}) => {
    const ex = await startExecutor({
      serveUrl,
      clock,
      pollMs: 20,
      backoff: () => 0,
      log: () => {},
      calls,
      handler: (request) => fetchHandler(request as never, undefined as never),
      ...opts.executor,
      ...extra,
    });
    executors.push(ex);
    return ex;
  };
  const executor = await start();
  return {
    calls,
    serveUrl,
    origin,
    clock,
    executor,
    startAnotherExecutor: (extra) => start({ sync: false, ...extra }),
    async close() {
      await Promise.all(executors.map((e) => e.stop()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function executorRoute(req: http.IncomingMessage, res: http.ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: req.method === "GET" ? undefined : Buffer.concat(chunks),
  });
  const response = await handleExecutorApi(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Polls until `check` returns a truthy value (real time; the manual clock does not move by itself). */
export async function waitFor<T>(check: () => Promise<T> | T, what = "condition", timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export type RunRow = { id: string; function_id: string; status: string; output: unknown; error: unknown; event: { data: Record<string, unknown> } };

export async function runsOf(functionId: string): Promise<RunRow[]> {
  return query<RunRow>(getDb(), sql`select id, function_id, status, output, error, event from inngest_runs where function_id = ${functionId} order by seq`);
}

export async function waitForRuns(functionId: string, n: number, status = "completed", timeoutMs?: number) {
  return waitFor(
    async () => {
      const runs = (await runsOf(functionId)).filter((r) => r.status === status);
      return runs.length >= n ? runs : undefined;
    },
    `${n} ${status} run(s) of ${functionId}`,
    timeoutMs,
  );
}

/** Number of queue items of a kind for the run: lets a test wait until a run is parked on a sleep or a wait. */
export async function pendingItems(runId: string, kind: "call" | "resolve"): Promise<number> {
  const [r] = await query<{ n: number }>(getDb(), sql`select count(*)::int as n from inngest_queue where run_id = ${runId} and kind = ${kind}`);
  return Number(r.n);
}

/** Waits until the run's next call is scheduled as retry number `attempt` (the failure has been recorded). */
export async function waitForRetry(functionId: string, attempt: number) {
  await waitFor(async () => {
    const [r] = await query<{ n: number }>(
      getDb(),
      sql`select count(*)::int as n from inngest_queue q join inngest_runs r on r.id = q.run_id
          where r.function_id = ${functionId} and q.attempt = ${attempt} and q.leased_by is null`,
    );
    return Number(r.n) > 0;
  }, `retry ${attempt} of ${functionId} to be scheduled`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
