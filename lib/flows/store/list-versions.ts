import { and, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { flowVersions, users } from "@/db/schema";
import { getFlowOrThrow } from "./get-flow-or-throw";

export type FlowVersionView = { id: string; version: number; publishedAt: string | null; publishedBy: string | null; live: boolean };

/** Published snapshots, newest first (the draft, version 0, is not a version in this list). */
export async function listVersions(organizationId: string, flowId: string): Promise<FlowVersionView[]> {
  const flow = await getFlowOrThrow(organizationId, flowId);
  const rows = await getDb()
    .select({ id: flowVersions.id, version: flowVersions.version, publishedAt: flowVersions.publishedAt, publishedBy: users.name })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.publishedById))
    .where(and(eq(flowVersions.organizationId, organizationId), eq(flowVersions.flowId, flow.id), gt(flowVersions.version, 0)))
    .orderBy(desc(flowVersions.version));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    publishedBy: r.publishedBy ?? null,
    live: r.id === flow.publishedVersionId,
  }));
}
