import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { getFlowRuntimeSettings, setFlowRuntimeSettings, type FlowRuntimeSettings } from "@/lib/flows/runtime/flow-runtime-settings";
import type { UpdateFlowSettingsInput } from "./flow-settings-input";
import { flowSettingsView, type FlowSettingsView } from "./flow-settings-view";

/**
 * Merges a change into the organization's runtime settings (the reserved flow_globals row) and audits it, in one
 * transaction. The audit records what changed, never the key.
 */
export async function updateFlowSettings(ctx: Pick<OrgContext, "org" | "actor">, input: UpdateFlowSettingsInput): Promise<FlowSettingsView> {
  return getDb().transaction(async (tx) => {
    const current = await getFlowRuntimeSettings(ctx.org.id, tx);
    const next: FlowRuntimeSettings = {
      allowPrivateHttp: input.allowPrivateAddresses ?? current.allowPrivateHttp,
      ai: current.ai,
    };
    let apiKeyChanged = false;
    if (input.ai === null) {
      apiKeyChanged = Boolean(current.ai?.apiKey);
      next.ai = null;
    } else if (input.ai) {
      // Omitted: keep the stored key (the form never receives it back); null or "": remove it.
      const apiKey = input.ai.apiKey === undefined ? (current.ai?.apiKey ?? null) : input.ai.apiKey || null;
      apiKeyChanged = apiKey !== (current.ai?.apiKey ?? null);
      next.ai = { baseUrl: input.ai.baseUrl, model: input.ai.model, apiKey };
    }
    await setFlowRuntimeSettings(ctx.org.id, next, tx);
    const view = flowSettingsView(next);
    await recordAudit(tx, ctx, {
      action: "flow_settings.updated",
      targetType: "flow_settings",
      metadata: { allowPrivateAddresses: view.allowPrivateAddresses, aiConfigured: view.ai !== null, apiKeySet: view.ai?.apiKeySet ?? false, apiKeyChanged },
    });
    return view;
  });
}
