import { getDb } from "@/db";
import { flowGlobals } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict } from "@/lib/errors";
import type { FlowGlobalView } from "./list-flow-globals";

/** Adds a global; a name already taken is a 409 (the input schema has already refused reserved names). */
export async function createFlowGlobal(ctx: Pick<OrgContext, "org" | "actor">, input: { name: string; value: string }): Promise<FlowGlobalView> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(flowGlobals)
      .values({ organizationId: ctx.org.id, name: input.name, value: input.value })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`A global named "${input.name}" already exists`, "name");
    await recordAudit(tx, ctx, { action: "flow_global.saved", targetType: "flow_global", targetId: row.name, metadata: { name: row.name, created: true } });
    return { name: row.name, value: row.value, updatedAt: row.updatedAt.toISOString() };
  });
}
