import type { Tx } from "@/db";
import { flowVersions, flows, type Flow } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import type { FlowSettings } from "./flow-input";

type NewFlow = { name: string; description: string; settings: FlowSettings; graph: Record<string, unknown>; action: string; metadata?: Record<string, unknown> };

/** A new flow with its draft (version 0), audited — the shared tail of create, duplicate and import. */
export async function insertFlow(tx: Tx, ctx: Pick<OrgContext, "org" | "actor" | "userId">, input: NewFlow): Promise<Flow> {
  const now = new Date();
  const [flow] = await tx
    .insert(flows)
    .values({
      organizationId: ctx.org.id,
      name: input.name,
      description: input.description,
      settings: input.settings,
      createdById: ctx.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(flowVersions).values({ organizationId: ctx.org.id, flowId: flow.id, version: 0, graph: input.graph, createdAt: now, updatedAt: now });
  await recordAudit(tx, ctx, { action: input.action, targetType: "flow", targetId: flow.id, metadata: { name: flow.name, ...input.metadata } });
  return flow;
}
