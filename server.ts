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
import { CLIENT_IP_HEADER, clientIpOf } from "@/lib/auth/client-ip";

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
  const app = next({ dev, hostname: e.HOSTNAME, port: e.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    // Overwritten on every request, so a client cannot pick the address its sign-in attempts are counted under.
    req.headers[CLIENT_IP_HEADER] = clientIpOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], e.PAPO_TRUST_PROXY);
    void handle(req, res);
  });
  // socket.io on the same server and port; route handlers and durable functions reach it through globalThis.
  const realtime = await attachRealtime(server, { databaseUrl: e.DATABASE_URL });
  await new Promise<void>((resolve) => server.listen(e.PORT, e.HOSTNAME, resolve));
  console.log(`[papo] ready on ${e.publicUrl} (${e.embedded ? `embedded database in ${e.dataDir}` : "PostgreSQL"}, ${dev ? "development" : "production"})`);

  // The executor syncs by calling /api/inngest, so it starts once the server answers.
  const mode = inngestMode();
  let executor: Executor | undefined;
  if (mode === "embedded" && e.PAPO_EXECUTOR === "on") {
    const host = e.HOSTNAME === "0.0.0.0" || e.HOSTNAME === "::" ? "127.0.0.1" : e.HOSTNAME;
    executor = await startExecutor({ serveUrl: `http://${host}:${e.PORT}/api/inngest` });
  }
  console.log(`[papo] durable functions: ${mode}${mode === "embedded" ? (executor ? " executor running" : " (executor off in this process)") : ""}`);

  const shutdown = async (signal: string) => {
    console.log(`[papo] ${signal}: shutting down`);
    server.close();
    await realtime.close().catch(() => {});
    await executor?.stop().catch(() => {});
    await closeDb().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
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
