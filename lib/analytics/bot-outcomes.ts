import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, type AnalyticsRange, type Period } from "./analytics-range";
import { queryRows } from "./query-rows";
import { HANDED_OFF } from "./session-outcome";

export type BotOutcome = { channelId: string; botConversations: number; contained: number; handedOff: number };

/**
 * Per channel, of the conversations opened in `period` that a bot ran (a real, non-test flow session):
 * - handed off: a flow's handoff node passed it to people, or a person took it over from the bot;
 * - contained: the bot finished (no session still live), nobody handed it off and no person wrote in it.
 * Conversations still with a live session are neither: the bot has not finished yet.
 */
export async function botOutcomes(db: Db, organizationId: string, range: AnalyticsRange, period: Period): Promise<BotOutcome[]> {
  const rows = await queryRows<{ channel_id: string; bot: string; contained: string; handed: string }>(
    db,
    sql`select c.channel_id, count(*) as bot,
          count(*) filter (where not s.live and not x.handed and not x.person) as contained,
          count(*) filter (where x.handed) as handed
        from conversations c
        join lateral (
          select bool_or(s.status in ('active', 'waiting')) as live, bool_or(${HANDED_OFF}) as handed_off
          from flow_sessions s where s.conversation_id = c.id and not s.is_test
        ) s on s.live is not null
        cross join lateral (
          select s.handed_off or exists (select 1 from conversation_events e where e.conversation_id = c.id and e.kind = 'handoff') as handed,
                 exists (select 1 from messages m where m.conversation_id = c.id and m.direction = 'outbound' and m.sender = 'user' and m.sender_user_id is not null) as person
        ) x
        where ${conversationScope(organizationId, range.channelId)} and ${inPeriod(sql`c.created_at`, period, range.timeZone)}
        group by c.channel_id`,
  );
  return rows.map((r) => ({ channelId: r.channel_id, botConversations: Number(r.bot), contained: Number(r.contained), handedOff: Number(r.handed) }));
}
