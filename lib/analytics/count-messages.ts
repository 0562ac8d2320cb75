import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, localDay, type AnalyticsRange, type Period } from "./analytics-range";
import { queryRows } from "./query-rows";
import type { DayCount } from "./count-conversations";

/** Messages received (inbound) and sent (outbound, by anyone: people, bots, API) per local day and channel, in `period`. */
export async function countMessages(db: Db, organizationId: string, range: AnalyticsRange, period: Period) {
  const tz = range.timeZone;
  const rows = await queryRows<{ day: string; channel_id: string; direction: "inbound" | "outbound"; n: string }>(
    db,
    sql`select ${localDay(sql`m.created_at`, tz)} as day, m.channel_id, m.direction, count(*) as n
        from messages m join conversations c on c.id = m.conversation_id
        where m.organization_id = ${organizationId} and ${conversationScope(organizationId, range.channelId)}
          and ${inPeriod(sql`m.created_at`, period, tz)}
        group by 1, 2, 3`,
  );
  const pick = (d: "inbound" | "outbound"): DayCount[] => rows.filter((r) => r.direction === d).map((r) => ({ day: r.day, channelId: r.channel_id, count: Number(r.n) }));
  return { inbound: pick("inbound"), outbound: pick("outbound") };
}
