import { getDb } from "@/db";
import { agentPresence } from "@/db/schema";

/** A socket heartbeat (or a status pick): the agent is here now; `status` optionally changes what they chose. */
export async function touchPresence(organizationId: string, userId: string, status?: "online" | "away" | "offline") {
  const now = new Date();
  const [row] = await getDb()
    .insert(agentPresence)
    .values({ organizationId, userId, status: status ?? "online", lastSeenAt: now })
    .onConflictDoUpdate({
      target: [agentPresence.organizationId, agentPresence.userId],
      set: { lastSeenAt: now, ...(status && { status }) },
    })
    .returning();
  return row;
}
