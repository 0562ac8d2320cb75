import { and, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { flowVersions, type FlowVersion } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { getFlowOrThrow } from "./get-flow-or-throw";

export type DraftView = { flowId: string; graph: Record<string, unknown>; revision: string; updatedAt: string };

/** The editable graph (version 0) with its revision, which the next save must name. */
export async function getDraft(organizationId: string, flowId: string): Promise<DraftView> {
  await getFlowOrThrow(organizationId, flowId);
  return toDraftView(await getDraftRow(getDb(), organizationId, flowId));
}

export async function getDraftRow(db: Db | Tx, organizationId: string, flowId: string, forUpdate = false): Promise<FlowVersion> {
  const query = db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.organizationId, organizationId), eq(flowVersions.flowId, flowId), eq(flowVersions.version, 0)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Flow draft");
  return row;
}

/** The revision is the draft's updated_at to the millisecond: every write moves it forward. */
export function toDraftView(row: FlowVersion): DraftView {
  return { flowId: row.flowId, graph: row.graph, revision: row.updatedAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** A timestamp strictly after the previous revision, even when two writes land in the same millisecond. */
export function nextRevision(previous: Date): Date {
  const now = Date.now();
  return new Date(Math.max(now, previous.getTime() + 1));
}
