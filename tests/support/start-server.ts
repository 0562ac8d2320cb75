import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";

export type RunningServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production server (server.ts over the `next build` output) exactly as `npm run serve` does, on a free
 * port, and waits until it answers. The caller provides the database (DATABASE_URL or a fresh data directory).
 */
export async function startServer(options: { env: Record<string, string | undefined>; timeoutMs?: number }): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PAPO_SEED_DEMO: "never",
      // Every test signs up and calls from 127.0.0.1: the rate limits would stop the suite. Tests of them lower these.
      PAPO_RATE_LIMIT_PUBLIC: "1000000",
      PAPO_RATE_LIMIT_API_KEY: "1000000",
      ...options.env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "papo-e2e-"));
}

export const testSecret = () => randomBytes(32).toString("base64");

export type ServerPair = { urls: string[]; databaseUrl?: string; stop: () => Promise<void> };

/**
 * With DATABASE_URL: a fresh database and two production servers sharing it and one secret (a session signed on one
 * is valid on the other), started one after the other because the first migrates. Without it (PGlite cannot be
 * shared between processes): one server on its own data directory, or none when `fallback` gives a URL to reuse.
 * `stop` stops the servers and drops the database.
 */
export async function startServersOnOneDatabase(options: { fallback?: string; env?: Record<string, string> } = {}): Promise<ServerPair> {
  const { createPostgresDatabase, dropPostgresDatabase } = await import("./test-database");
  const base = process.env.DATABASE_URL;
  const servers: RunningServer[] = [];
  let databaseUrl: string | undefined;
  if (base) {
    databaseUrl = await createPostgresDatabase(base);
    const secret = testSecret();
    for (let i = 0; i < 2; i++) {
      servers.push(await startServer({ env: { DATABASE_URL: databaseUrl, PAPO_DATA_DIR: tempDataDir(), PAPO_SECRET: secret, ...options.env } }));
    }
  } else if (!options.fallback) {
    servers.push(await startServer({ env: { PAPO_DATA_DIR: tempDataDir(), PAPO_SECRET: testSecret(), ...options.env } }));
  }
  const urls = servers.length ? servers.map((s) => s.url) : [options.fallback!, options.fallback!];
  return {
    urls,
    databaseUrl,
    stop: async () => {
      for (const s of servers) await s.stop();
      if (base && databaseUrl) await dropPostgresDatabase(base, databaseUrl);
    },
  };
}
