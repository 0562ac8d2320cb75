import { and, eq, notLike } from "drizzle-orm";
import { getDb } from "@/db";
import { flowGlobals } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";

/** Deletes a global (flows referencing it then read ""). Reserved rows can never be deleted through here. */
export async function deleteFlowGlobal(ctx: Pick<OrgContext, "org" | "actor">, name: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(flowGlobals)
      .where(and(eq(flowGlobals.organizationId, ctx.org.id), eq(flowGlobals.name, name), notLike(flowGlobals.name, "%:%")))
      .returning({ name: flowGlobals.name });
    if (!row) throw notFound("Global");
    await recordAudit(tx, ctx, { action: "flow_global.deleted", targetType: "flow_global", targetId: row.name, metadata: { name: row.name } });
  });
}
