import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { applyPendingStatuses } from "@/lib/whatsapp/ingest/apply-pending-statuses";
import { publishMessageChanged } from "@/lib/realtime/publish-message-changed";

/**
 * Stores Meta's id for an outbound row once (status stays `queued` = accepted; `sent` comes by webhook), which
 * also ends any doubt about it, then applies the statuses that arrived before it and pushes the change.
 */
export async function storeWamid(organizationId: string, messageId: string, waMessageId: string): Promise<void> {
  const db = getDb();
  const [row] = await db
    .update(messages)
    // A status webhook may have adopted the row (stored its wamid) first: keep that id, but end the doubt.
    .set({ waMessageId: sql`coalesce(${messages.waMessageId}, ${waMessageId})`, sendDoubtSince: null })
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId), or(isNull(messages.waMessageId), isNotNull(messages.sendDoubtSince))))
    .returning({ channelId: messages.channelId });
  if (!row) return;
  await applyPendingStatuses(db, { channelId: row.channelId, waMessageIds: [waMessageId] });
  // The inbox shows the wamid (and any early status just applied); never throws.
  await publishMessageChanged(organizationId, messageId);
}
