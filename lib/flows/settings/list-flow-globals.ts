import { and, asc, eq, notLike } from "drizzle-orm";
import { getDb } from "@/db";
import { flowGlobals } from "@/db/schema";

export type FlowGlobalView = { name: string; value: string; updatedAt: string };

/** The organization's globals ({{globals.name}}), by name; reserved rows (names with ":") hold settings and are never listed. */
export async function listFlowGlobals(organizationId: string): Promise<FlowGlobalView[]> {
  const rows = await getDb()
    .select({ name: flowGlobals.name, value: flowGlobals.value, updatedAt: flowGlobals.updatedAt })
    .from(flowGlobals)
    .where(and(eq(flowGlobals.organizationId, organizationId), notLike(flowGlobals.name, "%:%")))
    .orderBy(asc(flowGlobals.name));
  return rows.map((r) => ({ name: r.name, value: r.value, updatedAt: r.updatedAt.toISOString() }));
}
