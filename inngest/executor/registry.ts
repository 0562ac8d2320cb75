import { sql } from "drizzle-orm";
import { query, type Exec } from "./db";
import type { FunctionConfig, FunctionRecord } from "./function-config";

const TTL_MS = 1000;
let cached: { at: number; fns: FunctionRecord[] } | undefined;

/**
 * Registered functions, from the database so every process sees what any process registered. Cached for a
 * second: they are read for every event and every call, and change only when an app syncs.
 */
export async function loadFunctions(db: Exec): Promise<FunctionRecord[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.fns;
  const rows = await query<{ id: string; app_id: string; url: string; config: FunctionConfig }>(
    db,
    sql`select id, app_id, url, config from inngest_functions`,
  );
  const fns = rows.map((r) => ({ id: r.id, appId: r.app_id, url: r.url, config: r.config }));
  cached = { at: Date.now(), fns };
  return fns;
}

export async function loadFunction(db: Exec, id: string): Promise<FunctionRecord | undefined> {
  return (await loadFunctions(db)).find((f) => f.id === id);
}

/** After a sync in this process (other processes pick it up within the TTL). */
export function forgetFunctions() {
  cached = undefined;
}
