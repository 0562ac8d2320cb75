import { getDb } from "@/db";
import type { OrgContext } from "@/lib/auth/org-context";
import { flowSettingsSchema, type CreateFlowInput } from "./flow-input";
import { toFlowView, type FlowView } from "./flow-view";
import { initialGraph } from "./initial-graph";
import { insertFlow } from "./insert-flow";

/** A new flow whose draft holds just a start node, ready for the editor. */
export async function createFlow(ctx: OrgContext, input: CreateFlowInput): Promise<FlowView> {
  const flow = await getDb().transaction((tx) =>
    insertFlow(tx, ctx, { name: input.name, description: input.description, settings: flowSettingsSchema.parse({}), graph: initialGraph(), action: "flow.created" }),
  );
  return toFlowView(flow);
}
