import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { flowVersions, flows } from "@/db/schema";
import { toFlowView, type FlowView } from "./flow-view";

/** The organization's live flows, most recently changed first, with the number of the version each one runs. */
export async function listFlows(organizationId: string): Promise<FlowView[]> {
  const rows = await getDb()
    .select({ flow: flows, publishedVersion: flowVersions.version })
    .from(flows)
    .leftJoin(flowVersions, and(eq(flowVersions.id, flows.publishedVersionId), eq(flowVersions.organizationId, flows.organizationId)))
    .where(and(eq(flows.organizationId, organizationId), isNull(flows.deletedAt)))
    .orderBy(desc(flows.updatedAt));
  return rows.map((r) => toFlowView(r.flow, r.publishedVersion ?? null));
}
