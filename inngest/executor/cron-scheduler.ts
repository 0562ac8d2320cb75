import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { query, withTx } from "./db";
import type { Clock } from "./clock";
import { latestTick, parseCron } from "./cron";
import { loadFunctions } from "./registry";
import { createRun } from "./runs";

/**
 * Fires cron triggers. Every process checks every minute; the (function, tick) primary key makes exactly one
 * insert win, and only the winner starts the run. Ticks missed while no executor ran are not replayed.
 */
export class CronScheduler {
  private lastChecked: number;

  constructor(private clock: Clock) {
    this.lastChecked = clock.now();
  }

  async tick(): Promise<number> {
    const now = this.clock.now();
    if (Math.floor(now / 60_000) === Math.floor(this.lastChecked / 60_000)) return 0;
    const after = this.lastChecked;
    this.lastChecked = now;
    let fired = 0;
    for (const fn of await loadFunctions(getDb())) {
      for (const t of fn.config.triggers) {
        if (!("cron" in t)) continue;
        const tick = latestTick(parseCron(t.cron), after, now);
        if (tick === undefined) continue;
        const won = await withTx(async (tx) => {
          const rows = await query(
            tx,
            sql`insert into inngest_cron_ticks (function_id, tick) values (${fn.id}, ${tick}) on conflict do nothing returning tick`,
          );
          if (rows.length === 0) return false;
          const event = { name: "inngest/scheduled.timer", data: { cron: t.cron }, id: `cron_${fn.id}_${tick}`, ts: tick };
          await createRun(tx, fn, event, now);
          return true;
        });
        if (won) fired++;
      }
    }
    return fired;
  }
}
