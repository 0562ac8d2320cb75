import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, users } from "@/db/schema";
import { toMessageItem } from "@/lib/inbox/timeline-item";
import { publishInboxEvents } from "./publish-inbox-events";
import { log } from "@/lib/log/logger";

/**
 * For the status path, once per webhook change: pushes `message.updated` for each of these wamids that names a
 * message (each once, as it is now), with one read and one insert whatever their number. Never throws.
 */
export async function publishMessagesByWamid(organizationId: string, channelId: string, waMessageIds: string[]): Promise<void> {
  const wamids = [...new Set(waMessageIds)];
  if (!wamids.length) return;
  try {
    const rows = await getDb()
      .select({ m: messages, name: users.name })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.senderUserId))
      .where(and(eq(messages.organizationId, organizationId), eq(messages.channelId, channelId), inArray(messages.waMessageId, wamids)));
    await publishInboxEvents(
      rows.map((r) => ({ organizationId, conversationId: r.m.conversationId, type: "message.updated" as const, payload: toMessageItem(r.m, r.name) as unknown as Record<string, unknown> })),
    );
  } catch (err) {
    log.error({ err }, `realtime: could not publish the status of ${wamids.length} message(s)`);
  }
}
