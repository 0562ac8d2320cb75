import { and, asc, eq, notLike } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { flowGlobals } from "@/db/schema";

/**
 * Names of the organization's globals ({{globals.name}}), so validation can flag unknown ones. Names with ":" are
 * Papo's reserved rows (the runtime settings), never variables.
 */
export async function listFlowGlobalNames(organizationId: string, db: Db | Tx = getDb()): Promise<string[]> {
  const rows = await db.select({ name: flowGlobals.name }).from(flowGlobals).where(and(eq(flowGlobals.organizationId, organizationId), notLike(flowGlobals.name, "%:%"))).orderBy(asc(flowGlobals.name));
  return rows.map((r) => r.name);
}
