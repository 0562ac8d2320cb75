import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { dayStart, type AnalyticsRange } from "./analytics-range";
import { queryRows } from "./query-rows";

/** Seconds each member was online in the range: the availability stretches (record-availability.ts) clipped to it. */
export async function availabilitySeconds(db: Db, organizationId: string, range: AnalyticsRange): Promise<Map<string, number>> {
  const from = dayStart(range.from, range.timeZone);
  const to = dayStart(range.to, range.timeZone);
  const rows = await queryRows<{ user_id: string; seconds: string }>(
    db,
    sql`select a.user_id, sum(extract(epoch from least(a.last_seen_at, ${to}) - greatest(a.started_at, ${from}))) as seconds
        from agent_availability a
        where a.organization_id = ${organizationId} and a.last_seen_at > ${from} and a.started_at < ${to}
        group by a.user_id`,
  );
  return new Map(rows.map((r) => [r.user_id, Math.max(0, Number(r.seconds))]));
}
