import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/** How long a taker may be asked to wait in-process for its slot; past that it is refused and waits durably. */
export const MAX_SLOT_WAIT_MS = 1000;

/**
 * Takes one send slot of a business number at `ratePerSecond`, shared by every process on the database: GCRA (a
 * token bucket in "virtual scheduling" form) over one row per channel holding the theoretical arrival time (tat)
 * of the next free slot, with a burst of one second's worth. One statement per take: the upsert moves tat on by
 * 1/rate and answers how long to wait before sending (0 = now). When the wait would exceed `maxWaitMs` the row is
 * left unchanged and `null` comes back: the caller waits durably and asks again, so a queue of thousands never
 * holds a worker. A slot taken by a send that then crashed is only lost, never doubled.
 */
export async function takeSendSlot(db: Db, channelId: string, ratePerSecond: number, maxWaitMs = MAX_SLOT_WAIT_MS): Promise<number | null> {
  const interval = 1 / ratePerSecond;
  const burst = Math.max(0, 1 - interval); // tau: one second's worth of sends may go at once
  const res = (await db.execute(sql`
    insert into send_rate_limits as b (channel_id, tat) values (${channelId}, now() + make_interval(secs => ${interval}))
    on conflict (channel_id) do update set tat = greatest(b.tat, now()) + make_interval(secs => ${interval})
      where greatest(b.tat, now()) - now() <= make_interval(secs => ${burst + maxWaitMs / 1000})
    returning extract(epoch from (tat - now()))::float8 - ${interval + burst}::float8 as wait_s`)) as unknown;
  // postgres.js returns the rows, PGlite `{ rows }`.
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { wait_s: number | string }[];
  if (!rows.length) return null;
  return Math.max(0, Math.ceil(Number(rows[0].wait_s) * 1000));
}
