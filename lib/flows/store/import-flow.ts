import { getDb } from "@/db";
import type { OrgContext } from "@/lib/auth/org-context";
import { flowExportSchema } from "./flow-input";
import { toFlowView, type FlowView } from "./flow-view";
import { insertFlow } from "./insert-flow";
import { parseFlowGraph } from "./parse-flow-graph";

/** A new flow from an exported file. The graph goes through the same schema as every save: a bad file is a 422. */
export async function importFlow(ctx: OrgContext, raw: unknown): Promise<FlowView> {
  const file = flowExportSchema.parse(raw);
  const graph = parseFlowGraph(file.graph, "graph");
  const flow = await getDb().transaction((tx) =>
    insertFlow(tx, ctx, { name: file.name, description: file.description, settings: file.settings, graph, action: "flow.imported" }),
  );
  return toFlowView(flow);
}
