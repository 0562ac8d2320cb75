import { getDb } from "@/db";
import { realtimeEvents } from "@/db/schema";
import type { InboxEvent, InboxEventType } from "./inbox-event";
import { ioInstance } from "./io-instance";
import { orgRoom } from "./rooms";

export type InboxEventInput = { organizationId: string; conversationId: string | null; type: InboxEventType; payload: Record<string, unknown> };

/**
 * publishInboxEvent for several events at once: one multi-row insert (their `seq`s follow the given order), then
 * each is pushed to its organization's room in that order. Same rule: call it only after the changes committed.
 */
export async function publishInboxEvents(inputs: InboxEventInput[]): Promise<InboxEvent[]> {
  if (!inputs.length) return [];
  const rows = await getDb()
    .insert(realtimeEvents)
    .values(inputs.map((i) => ({ organizationId: i.organizationId, conversationId: i.conversationId, type: i.type, payload: i.payload })))
    .returning();
  const events = rows
    .map((row): InboxEvent => ({
      seq: row.seq,
      type: row.type as InboxEventType,
      organizationId: row.organizationId,
      conversationId: row.conversationId,
      payload: row.payload,
      createdAt: row.createdAt.toISOString(),
    }))
    .sort((a, b) => a.seq - b.seq);
  const io = ioInstance();
  for (const e of events) io?.to(orgRoom(e.organizationId)).emit("inbox", e);
  return events;
}
