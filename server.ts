import http from "node:http";
import next from "next";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { encryptLegacyVerifyTokens } from "@/lib/channels/encrypt-legacy-verify-tokens";
import { loadShippedRateCard } from "@/lib/spend/load-shipped-rate-card";
import { masterKey } from "@/lib/crypto/master-key";
import { env } from "@/lib/env";
import { seedDemo, type DemoLogin } from "@/lib/seed/seed-demo";
import { inngestMode } from "@/inngest/mode";
import { startExecutor, type Executor } from "@/inngest/executor";
import { attachRealtime } from "@/lib/realtime/attach-realtime";
import { refuseBadUrl } from "@/lib/api/refuse-bad-url";
import { log } from "@/lib/log/logger";
import { CLIENT_IP_HEADER, clientIpOf } from "@/lib/auth/client-ip";
import { onShutdownSignal } from "@/lib/server/on-shutdown-signal";

/** How long in-flight durable calls may finish on SIGTERM before their items are handed to other processes. */
const STOP_GRACE_MS = 5_000;
/** The whole shutdown's bound: past it the process exits anyway (orchestrators kill at 10 s by default). */
const SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * One process holds Next.js, the database handle (PGlite allows exactly one) and, as later features land, socket.io
 * and the embedded job executor. Start-up order: validate env → secrets → migrate (+ data steps) → seed → serve.
 */
async function main() {
  const e = env();
  masterKey(); // fail before listening if the secret is missing in production
  if (e.PAPO_PUBLIC_URL) process.env.NEXTAUTH_URL ??= e.publicUrl;
  // Without a configured public URL, sign-in callbacks follow the Host header (localhost, 127.0.0.1, a LAN IP).
  else process.env.AUTH_TRUST_HOST ??= "true";

  await migrateDatabase();
  await encryptLegacyVerifyTokens(); // data step SQL cannot do (lib/channels/encrypt-legacy-verify-tokens.ts)
  await loadShippedRateCard(); // Meta's USD card from db/seed-data/rate-card, once (lib/spend/README.md)
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
  const server = http.createServer((req, res) => {
    // Overwritten on every request, so a client cannot pick the address its sign-in attempts are counted under.
    req.headers[CLIENT_IP_HEADER] = clientIpOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], e.PAPO_TRUST_PROXY);
    // Next answers 500 for a path that does not percent-decode: refuse such URLs (and NUL in queries) first.
    const refused = refuseBadUrl(req.url ?? "/");
    if (!refused) return void handle(req, res);
    const api = (req.url ?? "").startsWith("/api/");
    res.writeHead(refused.status, { "content-type": api ? "application/json" : "text/plain; charset=utf-8" });
    res.end(api ? JSON.stringify(refused.body) : `${refused.status} ${refused.body.error.message}\n`);
  });
  // socket.io on the same server and port; route handlers and durable functions reach it through globalThis.
  const realtime = await attachRealtime(server, { databaseUrl: e.DATABASE_URL });
  await new Promise<void>((resolve) => server.listen(e.PORT, hostname, resolve));
  const where = worker ? `worker on 127.0.0.1:${e.PORT}` : `ready on ${e.publicUrl}`;
  log.info(`${where} (${e.embedded ? `embedded database in ${e.dataDir}` : "PostgreSQL"}, ${dev ? "development" : "production"})`);

  // The executor syncs by calling /api/inngest, so it starts once the server answers.
  const mode = inngestMode();
  let executor: Executor | undefined;
  if (mode === "embedded" && e.PAPO_EXECUTOR !== "off") {
    const host = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
    executor = await startExecutor({ serveUrl: `http://${host}:${e.PORT}/api/inngest`, stopGraceMs: STOP_GRACE_MS });
  }
  log.info(`durable functions: ${mode}${mode === "embedded" ? (executor ? " executor running" : " (executor off in this process)") : ""}`);

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
    { timeoutMs: SHUTDOWN_TIMEOUT_MS, log: (msg) => log.info(msg) },
  );
}

function printDemoLogin(login: DemoLogin, created: boolean, url: string) {
  const line = "─".repeat(60);
  const phone = login.sandboxChannelId ? `\n  Sandbox   ${url}/sandbox/${login.sandboxChannelId} (play a customer)` : "";
  // The demo banner is for the person at the terminal (it shows the demo password on purpose), not a log line.
  process.stdout.write(`\n${line}\n  Papo demo ${created ? "created" : "login"}\n  Open      ${url}/sign-in\n  Email     ${login.email}\n  Password  ${login.password}${phone}\n${line}\n\n`);
}

main().catch((err) => {
  log.fatal({ err }, "failed to start");
  process.exit(1);
});
