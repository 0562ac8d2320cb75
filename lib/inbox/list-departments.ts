import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { departmentMembers, departments, users } from "@/db/schema";

export type DepartmentJson = { id: string; name: string; autoAssign: boolean; members: { userId: string; name: string; email: string }[] };

/** Departments with their members; `ids` narrows to some (after a save). */
export async function listDepartments(organizationId: string, ids?: string[], db: Db | Tx = getDb()): Promise<DepartmentJson[]> {
  const rows = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), isNull(departments.deletedAt), ids ? inArray(departments.id, ids) : undefined))
    .orderBy(asc(departments.name));
  if (!rows.length) return [];
  const members = await db
    .select({ departmentId: departmentMembers.departmentId, userId: users.id, name: users.name, email: users.email })
    .from(departmentMembers)
    .innerJoin(users, eq(users.id, departmentMembers.userId))
    .where(and(eq(departmentMembers.organizationId, organizationId), inArray(departmentMembers.departmentId, rows.map((r) => r.id))))
    .orderBy(asc(users.name));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    autoAssign: d.autoAssign,
    members: members.filter((m) => m.departmentId === d.id).map(({ userId, name, email }) => ({ userId, name, email })),
  }));
}
