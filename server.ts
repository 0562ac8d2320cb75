import http from "node:http";
import next from "next";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { masterKey } from "@/lib/crypto/master-key";
import { env } from "@/lib/env";
import { seedDemo, type DemoLogin } from "@/lib/seed/seed-demo";
import { inngestMode } from "@/inngest/mode";
import { startExecutor, type Executor } from "@/inngest/executor";
import { attachRealtime } from "@/lib/realtime/attach-realtime";
import { onShutdownSignal } from "@/lib/server/on-shutdown-signal";

/** How long in-flight durable calls may finish on SIGTERM before their items are handed to other processes. */
const STOP_GRACE_MS = 5_000;
/** The whole shutdown's bound: past it the process exits anyway (orchestrators kill at 10 s by default). */
const SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * One process holds Next.js, the database handle (PGlite allows exactly one) and, as later features land, socket.io
 * and the embedded job executor. Start-up order: validate env → secrets → migrate → seed → serve.
 */
async function main() {
  const e = env();
  masterKey(); // fail before listening if the secret is missing in production
  if (e.PAPO_PUBLIC_URL) process.env.NEXTAUTH_URL ??= e.publicUrl;
  // Without a configured public URL, sign-in callbacks follow the Host header (localhost, 127.0.0.1, a LAN IP).
  else process.env.AUTH_TRUST_HOST ??= "true";

  await migrateDatabase();
  if (e.PAPO_SEED_DEMO === "always" || (e.PAPO_SEED_DEMO === "auto" && e.embedded)) {
    const { created, login } = await seedDemo();
    if (login) printDemoLogin(login, created, e.publicUrl);
  }

  const dev = e.NODE_ENV !== "production";
  // A worker process (PAPO_EXECUTOR=worker) serves /api/inngest to its own executor only: it listens on loopback,
  // so a load balancer or a stray request cannot reach it; web traffic goes to the web processes.
  const worker = e.PAPO_EXECUTOR === "worker";
  const hostname = worker ? "127.0.0.1" : e.HOSTNAME;
  const app = next({ dev, hostname, port: e.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => void handle(req, res));
  // socket.io on the same server and port; route handlers and durable functions reach it through globalThis.
  const realtime = await attachRealtime(server, { databaseUrl: e.DATABASE_URL });
  await new Promise<void>((resolve) => server.listen(e.PORT, hostname, resolve));
  const where = worker ? `worker on 127.0.0.1:${e.PORT}` : `ready on ${e.publicUrl}`;
  console.log(`[papo] ${where} (${e.embedded ? `embedded database in ${e.dataDir}` : "PostgreSQL"}, ${dev ? "development" : "production"})`);

  // The executor syncs by calling /api/inngest, so it starts once the server answers.
  const mode = inngestMode();
  let executor: Executor | undefined;
  if (mode === "embedded" && e.PAPO_EXECUTOR !== "off") {
    const host = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
    executor = await startExecutor({ serveUrl: `http://${host}:${e.PORT}/api/inngest`, stopGraceMs: STOP_GRACE_MS });
  }
  console.log(`[papo] durable functions: ${mode}${mode === "embedded" ? (executor ? " executor running" : " (executor off in this process)") : ""}`);

  // Stop taking requests, stop claiming and let in-flight calls end (or hand them over), then close sockets and
  // the database. The executor goes before the sockets: its calls reach /api/inngest over this server.
  onShutdownSignal(
    [
      { name: "stop accepting connections", run: () => void server.close() },
      { name: "idle keep-alive connections", run: () => server.closeIdleConnections() },
      { name: "executor", run: () => executor?.stop() },
      { name: "realtime", run: () => realtime.close() },
      { name: "open connections", run: () => server.closeAllConnections() },
      { name: "database", run: () => closeDb() },
    ],
    { timeoutMs: SHUTDOWN_TIMEOUT_MS, log: (msg) => console.log(`[papo] ${msg}`) },
  );
}

function printDemoLogin(login: DemoLogin, created: boolean, url: string) {
  const line = "─".repeat(60);
  const phone = login.sandboxChannelId ? `\n  Sandbox   ${url}/sandbox/${login.sandboxChannelId} (play a customer)` : "";
  console.log(`\n${line}\n  Papo demo ${created ? "created" : "login"}\n  Open      ${url}/sign-in\n  Email     ${login.email}\n  Password  ${login.password}${phone}\n${line}\n`);
}

main().catch((err) => {
  console.error(`[papo] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
