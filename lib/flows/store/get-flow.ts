import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flowVersions } from "@/db/schema";
import { toFlowView, type FlowView } from "./flow-view";
import { getFlowOrThrow } from "./get-flow-or-throw";

export async function getFlow(organizationId: string, flowId: string): Promise<FlowView> {
  const flow = await getFlowOrThrow(organizationId, flowId);
  if (!flow.publishedVersionId) return toFlowView(flow);
  const [published] = await getDb()
    .select({ version: flowVersions.version })
    .from(flowVersions)
    .where(and(eq(flowVersions.organizationId, organizationId), eq(flowVersions.id, flow.publishedVersionId)));
  return toFlowView(flow, published?.version ?? null);
}
