import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { departmentMembers, departments, memberships } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { listDepartments } from "./list-departments";

export const departmentInput = z.object({
  name: z.string().trim().min(1, "Name the department").max(60),
  autoAssign: z.boolean().optional(),
  memberIds: z.array(z.uuid()).max(500).optional(),
});

/** Creates (no id) or updates a department; `memberIds` replaces the member list and must all be members. */
export async function saveDepartment(ctx: OrgContext, input: Partial<z.infer<typeof departmentInput>>, id?: string) {
  const orgId = ctx.org.id;
  const departmentId = await getDb().transaction(async (tx) => {
    let row;
    if (id) {
      [row] = await tx
        .update(departments)
        .set({ ...(input.name !== undefined && { name: input.name }), ...(input.autoAssign !== undefined && { autoAssign: input.autoAssign }) })
        .where(and(eq(departments.organizationId, orgId), eq(departments.id, id), isNull(departments.deletedAt)))
        .returning();
      if (!row) throw notFound("Department");
    } else {
      [row] = await tx.insert(departments).values({ organizationId: orgId, name: input.name!, autoAssign: input.autoAssign ?? false }).returning();
    }
    if (input.memberIds) {
      const ids = [...new Set(input.memberIds)];
      const found = ids.length
        ? await tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(and(eq(memberships.organizationId, orgId), inArray(memberships.userId, ids)))
        : [];
      if (found.length !== ids.length) throw new AppError("invalid_input", "Every department member must be a member of the organization", [{ path: "memberIds", message: "Unknown member" }]);
      await tx.delete(departmentMembers).where(and(eq(departmentMembers.organizationId, orgId), eq(departmentMembers.departmentId, row.id)));
      if (ids.length) await tx.insert(departmentMembers).values(ids.map((userId) => ({ organizationId: orgId, departmentId: row.id, userId })));
    }
    await recordAudit(tx, ctx, { action: id ? "department.update" : "department.create", targetType: "department", targetId: row.id, metadata: { ...input } });
    return row.id;
  });
  const [department] = await listDepartments(orgId, [departmentId]);
  return department;
}
