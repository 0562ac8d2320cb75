import { getDb } from "@/db";
import { agentPresence } from "@/db/schema";
import { recordAvailability } from "@/lib/analytics/record-availability";

/** A socket heartbeat (or a status pick): the agent is here now; `status` optionally changes what they chose. */
export async function touchPresence(organizationId: string, userId: string, status?: "online" | "away" | "offline") {
  const now = new Date();
  const db = getDb();
  const [row] = await db
    .insert(agentPresence)
    .values({ organizationId, userId, status: status ?? "online", lastSeenAt: now })
    .onConflictDoUpdate({
      target: [agentPresence.organizationId, agentPresence.userId],
      set: { lastSeenAt: now, ...(status && { status }) },
    })
    .returning();
  // The history analytics sums (time online); agent_presence itself keeps only the current state.
  await recordAvailability(db, organizationId, userId, row.status, now);
  return row;
}
