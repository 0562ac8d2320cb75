import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { flowVersions } from "@/db/schema";
import { toFlowView, type FlowView } from "./flow-view";
import { getFlowOrThrow } from "./get-flow-or-throw";

export async function getFlow(organizationId: string, flowId: string): Promise<FlowView> {
  const flow = await getFlowOrThrow(organizationId, flowId);
  if (!flow.publishedVersionId) return toFlowView(flow);
  const draft = alias(flowVersions, "draft");
  const [published] = await getDb()
    .select({ version: flowVersions.version, draftDiffers: sql<boolean>`coalesce(${draft.graph} <> ${flowVersions.graph}, false)` })
    .from(flowVersions)
    .leftJoin(draft, and(eq(draft.flowId, flowVersions.flowId), eq(draft.organizationId, organizationId), eq(draft.version, 0)))
    .where(and(eq(flowVersions.organizationId, organizationId), eq(flowVersions.id, flow.publishedVersionId)));
  return toFlowView(flow, published?.version ?? null, published?.draftDiffers ?? false);
}
