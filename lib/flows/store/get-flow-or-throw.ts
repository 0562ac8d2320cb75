import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { flows, type Flow } from "@/db/schema";
import { notFound } from "@/lib/errors";

/**
 * A live (not deleted) flow of the organization. With `forUpdate` (inside a transaction) the row stays locked until
 * commit, which serialises publishes, restores and draft saves of one flow.
 */
export async function getFlowOrThrow(organizationId: string, flowId: string, options: { tx?: Db | Tx; forUpdate?: boolean } = {}): Promise<Flow> {
  const query = (options.tx ?? getDb())
    .select()
    .from(flows)
    .where(and(eq(flows.organizationId, organizationId), eq(flows.id, flowId), isNull(flows.deletedAt)))
    .limit(1);
  const [flow] = options.forUpdate ? await query.for("update") : await query;
  if (!flow) throw notFound("Flow");
  return flow;
}
