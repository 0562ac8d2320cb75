import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, type AnalyticsRange, type Period } from "./analytics-range";
import { queryRows } from "./query-rows";

export type FirstResponse = { conversationId: string; channelId: string; userId: string; seconds: number };

/**
 * First response time of each conversation opened in `period`: from the customer's first message to the first
 * message a person (a member, not a bot, campaign or API key) sent after it, credited to that person.
 * Conversations no person answered have none (the bot's answers are not a person's response).
 */
export async function firstResponses(db: Db, organizationId: string, range: AnalyticsRange, period: Period): Promise<FirstResponse[]> {
  const rows = await queryRows<{ id: string; channel_id: string; user_id: string; seconds: string }>(
    db,
    sql`select c.id, c.channel_id, r.sender_user_id as user_id, extract(epoch from r.created_at - fi.created_at) as seconds
        from conversations c
        join lateral (select m.created_at from messages m where m.conversation_id = c.id and m.direction = 'inbound' order by m.created_at limit 1) fi on true
        join lateral (
          select m.created_at, m.sender_user_id from messages m
          where m.conversation_id = c.id and m.direction = 'outbound' and m.sender = 'user' and m.sender_user_id is not null and m.created_at >= fi.created_at
          order by m.created_at limit 1
        ) r on true
        where ${conversationScope(organizationId, range.channelId)} and ${inPeriod(sql`c.created_at`, period, range.timeZone)}`,
  );
  return rows.map((r) => ({ conversationId: r.id, channelId: r.channel_id, userId: r.user_id, seconds: Number(r.seconds) }));
}
