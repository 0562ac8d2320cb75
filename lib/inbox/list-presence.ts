import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { agentPresence, memberships, users } from "@/db/schema";
import { effectivePresence } from "./presence-window";

/** Every member who can take conversations, with their presence (the assignee picker and the team list). */
export async function listPresence(organizationId: string) {
  const rows = await getDb()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, status: agentPresence.status, lastSeenAt: agentPresence.lastSeenAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(agentPresence, and(eq(agentPresence.organizationId, memberships.organizationId), eq(agentPresence.userId, memberships.userId)))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ["owner", "admin", "agent"])))
    .orderBy(asc(users.name));
  const now = new Date();
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    role: r.role,
    status: effectivePresence(r.status ?? "offline", r.lastSeenAt, now),
    lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
  }));
}
