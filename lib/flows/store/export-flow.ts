import { getDb } from "@/db";
import type { FlowExport } from "./flow-input";
import { readFlowSettings } from "./flow-view";
import { getDraftRow } from "./get-draft";
import { getFlowOrThrow } from "./get-flow-or-throw";

/** The portable file: what a designer edits (name, description, settings, draft graph) and nothing tied to this install. */
export async function exportFlow(organizationId: string, flowId: string): Promise<FlowExport> {
  const flow = await getFlowOrThrow(organizationId, flowId);
  const draft = await getDraftRow(getDb(), organizationId, flow.id);
  return {
    format: "papo.flow",
    formatVersion: 1,
    name: flow.name,
    description: flow.description,
    settings: readFlowSettings(flow.settings),
    graph: draft.graph,
  };
}
