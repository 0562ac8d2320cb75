import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { getSpendSettings } from "@/lib/spend/get-spend-settings";
import type { Period } from "./analytics-range";
import { queryRows } from "./query-rows";

/**
 * Spend per local day and channel in the organization's billing currency, from lib/spend's rollup (spend_daily,
 * already keyed by the organization's local day): charged amount and messages priced.
 */
export async function spendByDay(db: Db, organizationId: string, period: Period, channelId: string | null) {
  const { currency } = await getSpendSettings(db, organizationId);
  const rows = await queryRows<{ day: string; channel_id: string; amount: string; messages: string }>(
    db,
    sql`select to_char(day, 'YYYY-MM-DD') as day, channel_id, sum(amount_micros) as amount, sum(messages) as messages
        from spend_daily
        where organization_id = ${organizationId} and currency = ${currency} and day >= ${period.from}::date and day < ${period.to}::date
          ${channelId ? sql`and channel_id = ${channelId}` : sql``}
        group by 1, 2`,
  );
  return { currency, rows: rows.map((r) => ({ day: r.day, channelId: r.channel_id, amountMicros: Number(r.amount), messages: Number(r.messages) })) };
}
