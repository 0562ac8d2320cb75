import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { conversations, departments } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

/** Soft-deletes the department; its conversations keep their agent and lose the department. */
export async function deleteDepartment(ctx: OrgContext, id: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(departments)
      .set({ deletedAt: new Date() })
      .where(and(eq(departments.organizationId, ctx.org.id), eq(departments.id, id), isNull(departments.deletedAt)))
      .returning();
    if (!row) throw notFound("Department");
    await tx.update(conversations).set({ departmentId: null }).where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.departmentId, id)));
    await recordAudit(tx, ctx, { action: "department.delete", targetType: "department", targetId: id, metadata: { name: row.name } });
  });
}
