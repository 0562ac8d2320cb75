import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, type AnalyticsRange } from "./analytics-range";
import { queryRows } from "./query-rows";

/** Per member: messages they sent in the range and the conversations they sent them in ("handled"). */
export async function memberActivity(db: Db, organizationId: string, range: AnalyticsRange): Promise<Map<string, { messages: number; conversations: number }>> {
  const rows = await queryRows<{ user_id: string; messages: string; conversations: string }>(
    db,
    sql`select m.sender_user_id as user_id, count(*) as messages, count(distinct m.conversation_id) as conversations
        from messages m join conversations c on c.id = m.conversation_id
        where m.organization_id = ${organizationId} and ${conversationScope(organizationId, range.channelId)}
          and m.direction = 'outbound' and m.sender = 'user' and m.sender_user_id is not null
          and ${inPeriod(sql`m.created_at`, range, range.timeZone)}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.user_id, { messages: Number(r.messages), conversations: Number(r.conversations) }]));
}
