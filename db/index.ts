import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { queryLogger } from "@/lib/log/query-logger";
import * as schema from "./schema";
import { countStatement } from "./statement-counter";
import { pgliteExtensions } from "./pglite-extensions";

export type Schema = typeof schema;
/** The query builder shared by both drivers; code never needs to know which one is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle is a Db for everything Papo does with it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; close: () => Promise<void>; driver: "postgres" | "pglite" };

// One handle per process, shared by server.ts and Next's bundled route handlers (two module graphs, one globalThis).
// PGlite must never be opened twice on one directory: two instances lose writes silently.
const g = globalThis as unknown as { __papoDb?: Handle };

export function getDb(): Db {
  return handle().db;
}

export function dbDriver(): Handle["driver"] {
  return handle().driver;
}

export async function closeDb(): Promise<void> {
  const h = g.__papoDb;
  g.__papoDb = undefined;
  if (h) await h.close();
}

function handle(): Handle {
  if (!g.__papoDb) g.__papoDb = open();
  return g.__papoDb;
}

function open(): Handle {
  const e = env();
  if (e.DATABASE_URL) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily so the unused driver never loads */
    const postgres = require("postgres") as typeof import("postgres");
    const { drizzle } = require("drizzle-orm/postgres-js") as typeof import("drizzle-orm/postgres-js");
    // 20: webhook ingest group-commits into at most two transactions at a time, but the executor's workers and the
    // /api/inngest steps they call each hold a connection while they run; 10 left steps queueing for the pool.
    // debug: postgres.js calls it once per statement sent (BEGIN/COMMIT included): the statement counter.
    const client = postgres(e.DATABASE_URL, { max: 20, onnotice: (n) => log.debug({ code: n.code }, `postgres notice: ${n.message}`), debug: () => countStatement() });
    return { db: drizzle(client, { schema, logger: queryLogger(e.LOG_LEVEL) }) as unknown as Db, close: () => client.end({ timeout: 2 }), driver: "postgres" };
  }
  const { PGlite } = require("@electric-sql/pglite") as typeof import("@electric-sql/pglite");
  const { drizzle } = require("drizzle-orm/pglite") as typeof import("drizzle-orm/pglite");
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dir = path.join(e.dataDir, "pglite");
  fs.mkdirSync(e.dataDir, { recursive: true });
  const client = countPgliteStatements(new PGlite(dir, { extensions: pgliteExtensions() }));
  return { db: drizzle(client, { schema, logger: queryLogger(e.LOG_LEVEL) }) as unknown as Db, close: () => client.close(), driver: "pglite" };
}

type PGliteClient = InstanceType<typeof import("@electric-sql/pglite").PGlite>;

/**
 * PGlite has no per-statement hook: count calls to query/exec, on the client and inside transactions (whose handle
 * is a separate object), plus the transaction's BEGIN and COMMIT/ROLLBACK, so both drivers count the same way.
 */
function countPgliteStatements(client: PGliteClient): PGliteClient {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<typeof query>) => (countStatement(), query(...args))) as typeof client.query;
  client.exec = ((...args: Parameters<typeof exec>) => (countStatement(), exec(...args))) as typeof client.exec;
  client.transaction = (async (callback: Parameters<typeof transaction>[0]) => {
    countStatement(2); // BEGIN + COMMIT (or ROLLBACK)
    return transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      const txExec = tx.exec.bind(tx);
      const counted = Object.create(tx) as typeof tx;
      counted.query = ((...args: Parameters<typeof txQuery>) => (countStatement(), txQuery(...args))) as typeof tx.query;
      counted.exec = ((...args: Parameters<typeof txExec>) => (countStatement(), txExec(...args))) as typeof tx.exec;
      return callback(counted);
    });
  }) as typeof client.transaction;
  return client;
}
