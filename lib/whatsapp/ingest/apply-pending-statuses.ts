import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { messages, pendingStatuses } from "@/db/schema";
import { messageStatusSchema } from "../webhook/status-schema";
import { applyStatus } from "./apply-status";

/**
 * Applies, then deletes, the pending statuses whose message row now exists. Called after every inbound insert
 * (for its wamid) and at the end of every processed webhook (for the whole channel), and exported for the
 * outbound side to call right after it stores a wamid. Order does not matter: applyStatus is forward-only.
 */
export async function applyPendingStatuses(db: Db, args: { channelId: string; waMessageIds?: string[] }): Promise<number> {
  const rows = await db
    .select({ id: pendingStatuses.id, organizationId: pendingStatuses.organizationId, payload: pendingStatuses.payload })
    .from(pendingStatuses)
    .where(
      and(
        eq(pendingStatuses.channelId, args.channelId),
        args.waMessageIds ? inArray(pendingStatuses.waMessageId, args.waMessageIds) : undefined,
        sql`exists (select 1 from ${messages} m where m.channel_id = ${pendingStatuses.channelId} and m.wa_message_id = ${pendingStatuses.waMessageId})`,
      ),
    )
    .orderBy(asc(pendingStatuses.createdAt));
  let applied = 0;
  for (const row of rows) {
    const status = messageStatusSchema.safeParse(row.payload);
    try {
      // A savepoint each: one status that cannot be applied must not fail the message insert this runs inside.
      await db.transaction(async (tx) => {
        if (status.success) await applyStatus(tx, { organizationId: row.organizationId, channelId: args.channelId, status: status.data });
        await tx.delete(pendingStatuses).where(eq(pendingStatuses.id, row.id));
      });
      applied++;
    } catch {
      // Left pending (visible in pending_statuses); the next pass tries it again.
    }
  }
  return applied;
}
