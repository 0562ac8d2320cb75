import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, localDay, type AnalyticsRange, type Period } from "./analytics-range";
import { queryRows } from "./query-rows";

export type DayCount = { day: string; channelId: string; count: number };

/**
 * Conversations opened (created) and closed (each `status_changed` → closed event: a conversation closed, reopened
 * by the customer and closed again counts twice) per local day and channel, in `period`.
 */
export async function countConversations(db: Db, organizationId: string, range: AnalyticsRange, period: Period) {
  const scope = conversationScope(organizationId, range.channelId);
  const tz = range.timeZone;
  const opened = await queryRows<{ day: string; channel_id: string; n: string }>(
    db,
    sql`select ${localDay(sql`c.created_at`, tz)} as day, c.channel_id, count(*) as n
        from conversations c
        where ${scope} and ${inPeriod(sql`c.created_at`, period, tz)}
        group by 1, 2`,
  );
  const closed = await queryRows<{ day: string; channel_id: string; n: string }>(
    db,
    sql`select ${localDay(sql`e.created_at`, tz)} as day, c.channel_id, count(*) as n
        from conversation_events e join conversations c on c.id = e.conversation_id
        where e.organization_id = ${organizationId} and ${scope} and e.kind = 'status_changed' and e.data->>'to' = 'closed'
          and ${inPeriod(sql`e.created_at`, period, tz)}
        group by 1, 2`,
  );
  const toCounts = (rows: { day: string; channel_id: string; n: string }[]): DayCount[] => rows.map((r) => ({ day: r.day, channelId: r.channel_id, count: Number(r.n) }));
  return { opened: toCounts(opened), closed: toCounts(closed) };
}
