import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, type AnalyticsRange, type Period } from "./analytics-range";
import { queryRows } from "./query-rows";

export type Resolution = { channelId: string; userId: string | null; seconds: number };

/**
 * Resolution time of each close in `period` (a `status_changed` → closed event), credited to who closed it: from
 * the first customer message after the previous close (the conversation's first ever, for a first close) to this
 * close. A reopen with no customer message since counts from the previous close; nothing at all, from creation.
 */
export async function resolutions(db: Db, organizationId: string, range: AnalyticsRange, period: Period): Promise<Resolution[]> {
  const rows = await queryRows<{ channel_id: string; user_id: string | null; seconds: string }>(
    db,
    sql`select c.channel_id, e.actor_user_id as user_id,
          extract(epoch from e.created_at - coalesce(
            (select min(m.created_at) from messages m
             where m.conversation_id = e.conversation_id and m.direction = 'inbound' and m.created_at <= e.created_at
               and m.created_at > coalesce(prev.at, '-infinity'::timestamptz)),
            prev.at, c.created_at)) as seconds
        from conversation_events e
        join conversations c on c.id = e.conversation_id
        left join lateral (
          select max(p.created_at) as at from conversation_events p
          where p.conversation_id = e.conversation_id and p.kind = 'status_changed' and p.data->>'to' = 'closed' and p.created_at < e.created_at
        ) prev on true
        where e.organization_id = ${organizationId} and ${conversationScope(organizationId, range.channelId)}
          and e.kind = 'status_changed' and e.data->>'to' = 'closed' and ${inPeriod(sql`e.created_at`, period, range.timeZone)}`,
  );
  return rows.map((r) => ({ channelId: r.channel_id, userId: r.user_id, seconds: Math.max(0, Number(r.seconds)) }));
}
