import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { flowVersions, flows } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { conflict } from "@/lib/errors";
import type { SaveDraftInput } from "./flow-input";
import { getDraftRow, nextRevision, toDraftView, type DraftView } from "./get-draft";
import { getFlowOrThrow } from "./get-flow-or-throw";
import { parseFlowGraph } from "./parse-flow-graph";

/**
 * The editor's autosave. The graph must have the shared schema's shape (a half-valid graph — dangling exits,
 * unreachable nodes — is fine: validity is publish's business). Optimistic concurrency: the caller names the
 * revision it edited; if another tab saved since, this is a 409 and nothing is written.
 * Not audited: autosave writes every few seconds; publish and restore are the audited moments.
 */
export async function saveDraft(ctx: OrgContext, flowId: string, input: SaveDraftInput): Promise<DraftView> {
  const graph = parseFlowGraph(input.graph);
  return getDb().transaction(async (tx) => {
    const flow = await getFlowOrThrow(ctx.org.id, flowId, { tx, forUpdate: true });
    const draft = await getDraftRow(tx, ctx.org.id, flow.id, true);
    if (draft.updatedAt.toISOString() !== input.revision) {
      throw conflict("This flow was changed elsewhere (another tab or person). Reload to get the latest version.", "revision");
    }
    const updatedAt = nextRevision(draft.updatedAt);
    const [saved] = await tx
      .update(flowVersions)
      .set({ graph, updatedAt })
      .where(and(eq(flowVersions.organizationId, ctx.org.id), eq(flowVersions.id, draft.id)))
      .returning();
    await tx.update(flows).set({ updatedAt }).where(and(eq(flows.organizationId, ctx.org.id), eq(flows.id, flow.id)));
    return toDraftView(saved);
  });
}
