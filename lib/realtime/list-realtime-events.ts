import { and, asc, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { realtimeEvents } from "@/db/schema";
import type { InboxEvent } from "./inbox-event";

export const CATCH_UP_LIMIT = 500;

/**
 * What a client missed since `after` (its last seen seq). Without `after` it only answers the current seq, so a client
 * can note it before loading the list and catch up from there. `truncated`: more were missed than one answer holds.
 */
export async function listRealtimeEvents(
  organizationId: string,
  after: number | undefined,
  limit = CATCH_UP_LIMIT,
): Promise<{ events: InboxEvent[]; lastSeq: number; truncated: boolean }> {
  const db = getDb();
  if (after === undefined) {
    const [last] = await db
      .select({ seq: realtimeEvents.seq })
      .from(realtimeEvents)
      .where(eq(realtimeEvents.organizationId, organizationId))
      .orderBy(desc(realtimeEvents.seq))
      .limit(1);
    return { events: [], lastSeq: last?.seq ?? 0, truncated: false };
  }
  const rows = await db
    .select()
    .from(realtimeEvents)
    .where(and(eq(realtimeEvents.organizationId, organizationId), gt(realtimeEvents.seq, after)))
    .orderBy(asc(realtimeEvents.seq))
    .limit(limit + 1);
  const truncated = rows.length > limit;
  const events = rows.slice(0, limit).map(
    (r): InboxEvent => ({
      seq: r.seq,
      type: r.type as InboxEvent["type"],
      organizationId: r.organizationId,
      conversationId: r.conversationId,
      payload: r.payload,
      createdAt: r.createdAt.toISOString(),
    }),
  );
  return { events, lastSeq: events.at(-1)?.seq ?? after, truncated };
}
