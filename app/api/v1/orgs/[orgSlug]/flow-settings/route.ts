import { readJson, withOrg } from "@/lib/api/route";
import { updateFlowSettingsInput } from "@/lib/flows/settings/flow-settings-input";
import { getFlowSettings } from "@/lib/flows/settings/get-flow-settings";
import { updateFlowSettings } from "@/lib/flows/settings/update-flow-settings";

export const GET = withOrg("flows.read", async ({ ctx }) => ({ settings: await getFlowSettings(ctx.org.id) }));

export const PATCH = withOrg("flows.manage", async ({ req, ctx }) => ({
  settings: await updateFlowSettings(ctx, await readJson(req, updateFlowSettingsInput)),
}));
