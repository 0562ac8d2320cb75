import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { conversationScope } from "./conversation-scope";
import { inPeriod, type AnalyticsRange } from "./analytics-range";
import { queryRows } from "./query-rows";
import { COMPLETED, DROPPED, HANDED_OFF, LIVE } from "./session-outcome";

export type FlowOutcome = { flowId: string; name: string; started: number; completed: number; droppedOff: number; handedOff: number; live: number };

/** Per flow, the real (non-test) sessions started in the range and how they ended (session-outcome.ts). */
export async function flowOutcomes(db: Db, organizationId: string, range: AnalyticsRange): Promise<FlowOutcome[]> {
  const rows = await queryRows<{ flow_id: string; name: string; started: string; completed: string; dropped: string; handed: string; live: string }>(
    db,
    sql`select f.id as flow_id, f.name, count(s.id) as started,
          count(s.id) filter (where ${COMPLETED}) as completed,
          count(s.id) filter (where ${DROPPED}) as dropped,
          count(s.id) filter (where ${HANDED_OFF}) as handed,
          count(s.id) filter (where ${LIVE}) as live
        from flows f
        left join (flow_sessions s join conversations c on c.id = s.conversation_id and ${conversationScope(organizationId, range.channelId)})
          on s.flow_id = f.id and not s.is_test and ${inPeriod(sql`s.created_at`, range, range.timeZone)}
        where f.organization_id = ${organizationId} and f.deleted_at is null
        group by f.id, f.name
        order by count(s.id) desc, f.name`,
  );
  return rows.map((r) => ({ flowId: r.flow_id, name: r.name, started: Number(r.started), completed: Number(r.completed), droppedOff: Number(r.dropped), handedOff: Number(r.handed), live: Number(r.live) }));
}
