import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { flowVersions, flows } from "@/db/schema";
import { toFlowView, type FlowView } from "./flow-view";

/**
 * The organization's live flows, most recently changed first, with the number of the version each one runs and
 * whether the draft has moved on from it (jsonb equality: the same graph saved again is not a difference).
 */
export async function listFlows(organizationId: string): Promise<FlowView[]> {
  const draft = alias(flowVersions, "draft");
  const rows = await getDb()
    .select({ flow: flows, publishedVersion: flowVersions.version, draftDiffers: sql<boolean>`coalesce(${draft.graph} <> ${flowVersions.graph}, false)` })
    .from(flows)
    .leftJoin(flowVersions, and(eq(flowVersions.id, flows.publishedVersionId), eq(flowVersions.organizationId, flows.organizationId)))
    .leftJoin(draft, and(eq(draft.flowId, flows.id), eq(draft.organizationId, flows.organizationId), eq(draft.version, 0)))
    .where(and(eq(flows.organizationId, organizationId), isNull(flows.deletedAt)))
    .orderBy(desc(flows.updatedAt));
  return rows.map((r) => toFlowView(r.flow, r.publishedVersion ?? null, r.draftDiffers));
}
