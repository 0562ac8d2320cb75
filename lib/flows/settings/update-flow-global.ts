import { and, eq, notLike } from "drizzle-orm";
import { getDb } from "@/db";
import { flowGlobals } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";
import type { FlowGlobalView } from "./list-flow-globals";

/** Changes a global's value. Reserved rows (":" in the name) are not globals: they are never found here. */
export async function updateFlowGlobal(ctx: Pick<OrgContext, "org" | "actor">, name: string, value: string): Promise<FlowGlobalView> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(flowGlobals)
      .set({ value, updatedAt: new Date() })
      .where(and(eq(flowGlobals.organizationId, ctx.org.id), eq(flowGlobals.name, name), notLike(flowGlobals.name, "%:%")))
      .returning();
    if (!row) throw notFound("Global");
    await recordAudit(tx, ctx, { action: "flow_global.saved", targetType: "flow_global", targetId: row.name, metadata: { name: row.name, created: false } });
    return { name: row.name, value: row.value, updatedAt: row.updatedAt.toISOString() };
  });
}
