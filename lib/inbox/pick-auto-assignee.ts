import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { PRESENCE_TTL_MS } from "./presence-window";

/**
 * Round robin among the department's ONLINE members (chose "online" and sent a heartbeat within the TTL) who can
 * reply: the one auto-assigned least recently (never first). The presence row is locked and stamped in the same
 * transaction, so two conversations arriving together go to two different agents.
 */
export async function pickAutoAssignee(tx: Tx, organizationId: string, departmentId: string): Promise<string | null> {
  const picked = await tx.execute<{ user_id: string }>(sql`
    select p.user_id
    from department_members dm
    join memberships m on m.organization_id = dm.organization_id and m.user_id = dm.user_id
    join agent_presence p on p.organization_id = dm.organization_id and p.user_id = dm.user_id
    where dm.organization_id = ${organizationId} and dm.department_id = ${departmentId}
      and m.role in ('owner', 'admin', 'agent')
      and p.status = 'online' and p.last_seen_at > now() - (${PRESENCE_TTL_MS} * interval '1 millisecond')
    order by p.last_auto_assigned_at asc nulls first, p.user_id
    limit 1
    for update of p`);
  const rows = (Array.isArray(picked) ? picked : (picked as { rows: { user_id: string }[] }).rows) as { user_id: string }[];
  const userId = rows[0]?.user_id ?? null;
  if (userId) {
    await tx.execute(
      sql`update agent_presence set last_auto_assigned_at = now() where organization_id = ${organizationId} and user_id = ${userId}`,
    );
  }
  return userId;
}
