import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { spendDaily } from "@/db/schema";

/**
 * Recomputes one organization's spend_daily from its cost records, in its current time zone: run in the transaction
 * that changes the zone, so the rollup's days never mix two zones. Its cost grows with the organization's history
 * (one grouped scan of message_costs), which a zone change — rare, by an admin — can afford.
 */
export async function rebuildSpendRollup(db: Db, organizationId: string): Promise<void> {
  await db.delete(spendDaily).where(eq(spendDaily.organizationId, organizationId));
  await db.execute(sql`
    insert into spend_daily (organization_id, day, channel_id, category, market, country, sender_kind, charge_kind, currency, messages, amount_micros, list_micros)
    select c.organization_id, (c.priced_at at time zone o.time_zone)::date, c.channel_id, c.category, coalesce(c.market, 'Other'), coalesce(c.country, ''),
           c.sender_kind, c.charge_kind, c.currency, count(*)::int, sum(c.amount_micros), sum(c.list_micros)
    from message_costs c join organizations o on o.id = c.organization_id
    where c.organization_id = ${organizationId} and c.charge_kind <> 'failed'
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9`);
}
