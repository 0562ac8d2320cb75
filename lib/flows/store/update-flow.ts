import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flows } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import type { UpdateFlowInput } from "./flow-input";
import { readFlowSettings } from "./flow-view";
import { getFlow } from "./get-flow";
import { getFlowOrThrow } from "./get-flow-or-throw";

/** Rename, describe, or change settings (merged over the stored ones, so a partial update keeps the rest). */
export async function updateFlow(ctx: OrgContext, flowId: string, input: UpdateFlowInput) {
  await getDb().transaction(async (tx) => {
    const current = await getFlowOrThrow(ctx.org.id, flowId, { tx, forUpdate: true });
    const settings = input.settings ? { ...readFlowSettings(current.settings), ...stripUndefined(input.settings) } : undefined;
    await tx
      .update(flows)
      .set({ name: input.name, description: input.description, settings, updatedAt: new Date() })
      .where(and(eq(flows.organizationId, ctx.org.id), eq(flows.id, current.id)));
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateFlowInput] !== undefined);
    await recordAudit(tx, ctx, { action: "flow.updated", targetType: "flow", targetId: current.id, metadata: { changed } });
  });
  return getFlow(ctx.org.id, flowId);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
