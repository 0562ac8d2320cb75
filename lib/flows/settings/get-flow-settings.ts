import { getFlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import { flowSettingsView, type FlowSettingsView } from "./flow-settings-view";

/** The organization's flow runtime settings as an admin sees them (never the AI key itself). */
export async function getFlowSettings(organizationId: string): Promise<FlowSettingsView> {
  return flowSettingsView(await getFlowRuntimeSettings(organizationId));
}
