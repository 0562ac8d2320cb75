import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db";
import { agentAvailability } from "@/db/schema";
import { PRESENCE_TTL_MS } from "@/lib/inbox/presence-window";

/**
 * Keeps the availability history in step with a presence touch: while the agent is online, the stretch whose last
 * heartbeat is still within the presence window is extended to `now`; otherwise (first heartbeat, or after a gap
 * longer than the window) a new stretch starts. Away and offline add nothing — availability is time online.
 */
export async function recordAvailability(db: Db, organizationId: string, userId: string, status: "online" | "away" | "offline", now: Date): Promise<void> {
  if (status !== "online") return;
  const [open] = await db
    .select({ id: agentAvailability.id })
    .from(agentAvailability)
    .where(and(eq(agentAvailability.organizationId, organizationId), eq(agentAvailability.userId, userId), gte(agentAvailability.lastSeenAt, new Date(now.getTime() - PRESENCE_TTL_MS))))
    .orderBy(desc(agentAvailability.lastSeenAt))
    .limit(1);
  if (open) await db.update(agentAvailability).set({ lastSeenAt: now }).where(eq(agentAvailability.id, open.id));
  else await db.insert(agentAvailability).values({ organizationId, userId, startedAt: now, lastSeenAt: now });
}
