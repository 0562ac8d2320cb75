import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { conversations, flowNodeStats, flowSessions, type FlowSession } from "@/db/schema";

/**
 * Ends a live session from outside the engine: expired (inactivity), or completed because a person took over or
 * the customer restarted. The node it stood on counts one "dropped" (real sessions). Returns false when the
 * session was no longer live (someone else ended it first).
 */
export async function endSession(tx: Tx, session: FlowSession, status: "expired" | "completed", reason: string, now: Date): Promise<boolean> {
  const [ended] = await tx
    .update(flowSessions)
    .set({ status, endedAt: now, expiresAt: null, updatedAt: now, state: sql`${flowSessions.state} || ${JSON.stringify({ endReason: reason })}::jsonb` })
    .where(and(eq(flowSessions.organizationId, session.organizationId), eq(flowSessions.id, session.id), inArray(flowSessions.status, ["active", "waiting"])))
    .returning({ id: flowSessions.id });
  if (!ended) return false;
  if (!session.isTest && session.currentNodeId) {
    await tx
      .insert(flowNodeStats)
      .values({ organizationId: session.organizationId, flowId: session.flowId, flowVersionId: session.flowVersionId, nodeId: session.currentNodeId, dropped: 1 })
      .onConflictDoUpdate({ target: [flowNodeStats.flowVersionId, flowNodeStats.nodeId], set: { dropped: sql`${flowNodeStats.dropped} + 1`, updatedAt: now } });
  }
  if (reason !== "human") {
    await tx
      .update(conversations)
      .set({ owner: "none" })
      .where(and(eq(conversations.organizationId, session.organizationId), eq(conversations.id, session.conversationId), eq(conversations.owner, "bot")));
  }
  return true;
}
