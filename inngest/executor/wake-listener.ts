import { env } from "@/lib/env";
import { WAKE_CHANNEL } from "./wake";

/**
 * LISTENs for other processes' wake-ups (wake.ts) on a dedicated connection: LISTEN holds its session, so it
 * cannot share the query pool. postgres.js re-listens by itself after a reconnect; until then the worker's poll
 * interval covers. PGlite has one process per data directory, where the in-process wake-up is enough.
 */
export async function listenForWake(onWake: () => void): Promise<{ close(): Promise<void> }> {
  const url = env().DATABASE_URL;
  if (!url) return { close: async () => {} };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily like db/index.ts's driver
  const postgres = require("postgres") as typeof import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await client.listen(WAKE_CHANNEL, () => onWake());
  return { close: () => client.end({ timeout: 1 }) };
}
