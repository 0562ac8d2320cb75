import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { queryRows } from "./query-rows";

/** The organization's current members (the agents report's rows). */
export async function listMembers(db: Db, organizationId: string): Promise<{ userId: string; name: string; email: string }[]> {
  const rows = await queryRows<{ user_id: string; name: string; email: string }>(
    db,
    sql`select m.user_id, u.name, u.email from memberships m join users u on u.id = m.user_id where m.organization_id = ${organizationId} order by u.name`,
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email }));
}
