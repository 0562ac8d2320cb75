import type { FlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";

/** What the API and the page show of the runtime settings: the AI key is write-only, only whether one is set. */
export type FlowSettingsView = { allowPrivateAddresses: boolean; ai: { baseUrl: string; model: string; apiKeySet: boolean } | null };

export function flowSettingsView(settings: FlowRuntimeSettings): FlowSettingsView {
  return {
    allowPrivateAddresses: settings.allowPrivateHttp,
    ai: settings.ai ? { baseUrl: settings.ai.baseUrl, model: settings.ai.model, apiKeySet: Boolean(settings.ai.apiKey) } : null,
  };
}
