/**
 * A worker process for the multi-process executor tests: serves two functions over real HTTP, runs the executor
 * (poll interval, lease and stop grace from the environment) and stops on SIGTERM through the same bounded
 * shutdown server.ts uses. Prints READY once the executor runs.
 *
 *   CHILD_POLL_MS, CHILD_LEASE_MS, CHILD_GRACE_MS  executor options
 *   CHILD_HANG=1     step "hang" of test/slow never returns (the parent sends SIGTERM meanwhile)
 *   CHILD_SEND=slow  this process sends the test/slow event itself (PGlite: the parent cannot share the database)
 *   CHILD_AWAIT=1    print RESULT with the runs once none is running, then exit
 */
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { startExecutor } from "@/inngest/executor";
import { query } from "@/inngest/executor/db";
import { onShutdownSignal } from "@/lib/server/on-shutdown-signal";
import { childClient, startChildFunctions } from "./child-functions";

async function main() {
  const { serveUrl, server } = await startChildFunctions();
  const executor = await startExecutor({
    serveUrl,
    // The functions are this child's own, served over HTTP above: not Papo's handler, which in-process calls use.
    calls: "http",
    pollMs: Number(process.env.CHILD_POLL_MS ?? 50),
    leaseMs: Number(process.env.CHILD_LEASE_MS ?? 30_000),
    stopGraceMs: Number(process.env.CHILD_GRACE_MS ?? 5_000),
    log: () => {},
  });
  onShutdownSignal(
    [
      { name: "stop accepting", run: () => server.close() },
      { name: "executor", run: () => executor.stop() },
      { name: "connections", run: () => server.closeAllConnections() },
      { name: "database", run: () => closeDb() },
    ],
    { timeoutMs: 8_000, log: (m) => process.stderr.write(`[child] ${m}\n`) },
  );
  process.stdout.write("READY\n");
  if (process.env.CHILD_SEND === "slow") await childClient.send({ name: "test/slow", data: {} });
  if (process.env.CHILD_AWAIT !== "1") return;
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
