import { getDb } from "@/db";
import { realtimeEvents } from "@/db/schema";
import type { InboxEvent, InboxEventType } from "./inbox-event";
import { ioInstance } from "./io-instance";
import { orgRoom } from "./rooms";

/**
 * Stores the event (its `seq` is what reconnecting clients catch up from) and pushes it to the organization's room.
 * Call it only after the change it describes has committed: a pushed event for a rolled-back change would show
 * agents something that never happened. With the Postgres adapter the emit reaches sockets of every process.
 */
export async function publishInboxEvent(input: {
  organizationId: string;
  conversationId: string | null;
  type: InboxEventType;
  payload: Record<string, unknown>;
}): Promise<InboxEvent> {
  const [row] = await getDb()
    .insert(realtimeEvents)
    .values({ organizationId: input.organizationId, conversationId: input.conversationId, type: input.type, payload: input.payload })
    .returning();
  const event: InboxEvent = {
    seq: row.seq,
    type: input.type,
    organizationId: row.organizationId,
    conversationId: row.conversationId,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
  };
  ioInstance()?.to(orgRoom(input.organizationId)).emit("inbox", event);
  return event;
}
