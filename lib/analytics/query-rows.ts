import type { SQL } from "drizzle-orm";
import type { Db } from "@/db";

/** Runs a raw analytics query on either driver: postgres.js returns the rows, PGlite `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}
