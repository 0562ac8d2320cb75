import { getDb } from "@/db";
import type { OrgContext } from "@/lib/auth/org-context";
import { readFlowSettings, toFlowView, type FlowView } from "./flow-view";
import { getDraftRow } from "./get-draft";
import { getFlowOrThrow } from "./get-flow-or-throw";
import { insertFlow } from "./insert-flow";

/** A new draft-only flow with a copy of the source's draft and settings; versions and statistics stay behind. */
export async function duplicateFlow(ctx: OrgContext, flowId: string, name?: string): Promise<FlowView> {
  const flow = await getDb().transaction(async (tx) => {
    const source = await getFlowOrThrow(ctx.org.id, flowId, { tx });
    const draft = await getDraftRow(tx, ctx.org.id, source.id);
    return insertFlow(tx, ctx, {
      name: name ?? `${source.name} (copy)`.slice(0, 80),
      description: source.description,
      settings: readFlowSettings(source.settings),
      graph: draft.graph,
      action: "flow.duplicated",
      metadata: { sourceFlowId: source.id },
    });
  });
  return toFlowView(flow);
}
