import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { conversationEvents, users } from "@/db/schema";
import { toEventItem } from "@/lib/inbox/timeline-item";
import { publishInboxEvent } from "./publish-inbox-event";
import { log } from "@/lib/log/logger";

/** Pushes a conversation_events row (note, assignment, handoff…) as `timeline.event.created`. Never throws. */
export async function publishTimelineEvent(organizationId: string, eventId: string): Promise<void> {
  try {
    const [row] = await getDb()
      .select({ e: conversationEvents, name: users.name })
      .from(conversationEvents)
      .leftJoin(users, eq(users.id, conversationEvents.actorUserId))
      .where(and(eq(conversationEvents.organizationId, organizationId), eq(conversationEvents.id, eventId)));
    if (!row) return;
    await publishInboxEvent({
      organizationId,
      conversationId: row.e.conversationId,
      type: "timeline.event.created",
      payload: toEventItem(row.e, row.name),
    });
  } catch (err) {
    log.error({ err }, `realtime: could not publish timeline event ${eventId}`);
  }
}
