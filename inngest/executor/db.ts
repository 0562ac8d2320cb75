import type { SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";

export type Exec = Db | Tx;

/** Raw query → rows, on both drivers (postgres.js returns an array, PGlite `{ rows }`). */
export async function query<T = Record<string, unknown>>(db: Exec, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/**
 * A transaction, retried when Postgres aborts it for a deadlock or serialization failure: two processes can
 * touch the same runs (an event resolving waits while a call completes), and a retry is always safe here.
 */
export async function withTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await getDb().transaction(fn);
    } catch (err) {
      const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
      if (attempt < 5 && (code === "40P01" || code === "40001")) continue;
      throw err;
    }
  }
}
